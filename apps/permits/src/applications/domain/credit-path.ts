/**
 * The credit path (seed 000; seed 002 案例7 新乡; DOMAIN.md §7 "Credit path"): a carrier that commits
 * (信用承诺) skips the on-site inspection when joint measures keeps the commitment path open for it;
 * otherwise the standard path with an inspection, and the reason is shown. Joint measures' measures
 * for the scene `permit.application` (apps/joint-measures/src/measures/domain/shipped-measures.ts):
 * `commitment-path.denied` closes the fast lane, `permit.application-ban` (62号令: false materials →
 * 1 year) means the application is not accepted at all.
 */
import { CREDIT_LIST_NAMES, gradeLabelZh, isCreditListType } from '@domain/credit';

export const COMMITMENT_DENIED_MEASURE = 'commitment-path.denied';
export const APPLICATION_BAN_MEASURE = 'permit.application-ban';

export interface CreditMeasure {
  code: string;
  name: string;
  legalBasis: string;
  /** What about the carrier triggered it, as the applicant reads it (列入重点关注名单（2026-11-01起）). */
  grounds: string[];
}

/** Why joint measures applied a measure (its DecisionReason), in the fields the grounds need. */
export interface CreditReason {
  kind: string;
  listType: string;
  startsOn: string;
  endsOn: string;
  grade: string;
  cycle: string;
  count: number;
}

/** One reason as the applicant reads it: the list and its dates, the grade and its cycle, the count of records. */
export function groundsOf(reason: CreditReason): string {
  switch (reason.kind) {
    case 'list-entry': {
      const list = isCreditListType(reason.listType) ? CREDIT_LIST_NAMES[reason.listType] : reason.listType;
      const period = [reason.startsOn && `${reason.startsOn}起`, reason.endsOn && `至${reason.endsOn}`].filter(Boolean).join('');
      return period ? `列入${list}（${period}）` : `列入${list}`;
    }
    case 'grade':
      return `信用等级为${gradeLabelZh(reason.grade)}${reason.cycle ? `（${reason.cycle}）` : ''}`;
    case 'records':
      return `累计${reason.count}条失信记录未修复`;
    default:
      return reason.kind;
  }
}

/** What joint measures answered, or that it did not answer in time. */
export type CreditCheck =
  { answered: true; decisionId: string | null; outcome: 'allow' | 'deny' | 'conditional'; measures: CreditMeasure[] } | { answered: false; why: string };

export type ApplicationPath = 'commitment' | 'standard';
/** none: no inspection unless the day's draw picks it for a remote one; on-site: the standard inspection. */
export type InspectionMode = 'remote-if-drawn' | 'on-site';

export interface CreditPathOutcome {
  path: ApplicationPath;
  inspection: InspectionMode;
  /** Why the standard path (empty on the commitment path). */
  reasons: string[];
  /** The carrier is under the 1-year ban (not accepted). */
  banned: boolean;
  decisionId: string | null;
}

export function creditPath(commitment: boolean, check: CreditCheck): CreditPathOutcome {
  if (!check.answered) {
    return {
      path: 'standard',
      inspection: 'on-site',
      reasons: [`联合奖惩未能答复（超时、不可用或不认识该主体），按一般程序办理（${check.why}）`],
      banned: false,
      decisionId: null,
    };
  }
  const banned = check.measures.some((m) => m.code === APPLICATION_BAN_MEASURE);
  const closing = check.measures.filter((m) => m.code === COMMITMENT_DENIED_MEASURE || m.code === APPLICATION_BAN_MEASURE);
  const reasons = closing.map(reasonOf);
  if (!commitment) reasons.unshift('申请人未作信用承诺');
  const open = commitment && closing.length === 0;
  return open
    ? { path: 'commitment', inspection: 'remote-if-drawn', reasons: [], banned, decisionId: check.decisionId }
    : { path: 'standard', inspection: 'on-site', reasons, banned, decisionId: check.decisionId };
}

/**
 * A closing measure as the applicant reads it. The ban is national law (62号令), cited; the
 * commitment path is closed by a local rule on facts about the carrier, which are what it needs
 * to know (which list, since when), not the catalogue's note of where the rule comes from.
 */
function reasonOf(measure: CreditMeasure): string {
  if (measure.code === APPLICATION_BAN_MEASURE || measure.grounds.length === 0) return `${measure.name}（${measure.legalBasis}）`;
  return `${measure.name}：${measure.grounds.join('；')}`;
}
