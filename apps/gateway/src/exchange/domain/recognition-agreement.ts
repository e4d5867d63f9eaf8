import { CREDIT_LIST_TYPES, type CreditListType } from '@domain/credit';
import { parseRegionCode, regionContains } from '@domain/identifiers';
import { z } from 'zod';

/**
 * A recognition agreement with one partner region (issue 20 item 1, ADR 0067): which of its list
 * types this province recognises, for which subjects, with which effect, and for how long at most.
 * Agreements differ by partner and are signed between authorities: configuration with its source,
 * never code (DOMAIN.md §4: Suzhou, Wuxi, Changzhou and Nantong share key-watch lists).
 *
 * - `subjects`: `partner-registered` recognises entries only about subjects registered in the
 *   partner's region (USCC positions 3–8, the citizen ID's first six digits, the plate's province
 *   character); `any` also about ours and other regions'.
 * - `effect`: `apply` puts the entry in force here (decisions apply it, the portal shows it as the
 *   partner's); `inform` stores it for information only (not applied).
 * - `maxTermMonths`: an entry the partner sent without an end lasts this long from its start.
 * - `records` (optional, ADR 0069): the partner may push credit records, about which `subjects`;
 *   without it no record push is accepted from that partner.
 * - `grades` (optional, ADR 0085): which of the partner's grading schemes (its `schemeId`, as its
 *   feed names it) this province recognises, about which `subjects`, with which `effect` (`apply`:
 *   held as the partner's recognised grade; `inform`: stored for information, not applied), and
 *   optionally the `recognitionTable` of ours that reads the partner's ladder on one of our
 *   schemes' ladders. Without it no partner grade is applied.
 */
export interface RecognitionAgreement {
  id: string;
  partner: { region: string; name: string };
  source: string;
  lists: { listType: CreditListType; subjects: 'partner-registered' | 'any'; effect: 'apply' | 'inform'; maxTermMonths: number }[];
  records?: { subjects: 'partner-registered' | 'any' };
  grades?: { schemes: GradeTerm[] };
}

/** One partner scheme whose grades an agreement recognises (ADR 0085). */
export interface GradeTerm {
  schemeId: string;
  subjects: 'partner-registered' | 'any';
  effect: 'apply' | 'inform';
  recognitionTable?: string;
}

const configId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');

const regionCode = z.string().refine((v) => parseRegionCode(v).ok, { message: 'must be a GB/T 2260 region code' });

export const recognitionAgreementsSchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      partner: z.object({ region: regionCode, name: z.string().min(1) }),
      source: z.string().min(1),
      lists: z
        .array(
          z.object({
            listType: z.enum(CREDIT_LIST_TYPES),
            subjects: z.enum(['partner-registered', 'any']),
            effect: z.enum(['apply', 'inform']),
            maxTermMonths: z.number().int().min(1).max(120),
          }),
        )
        .min(1),
      records: z.object({ subjects: z.enum(['partner-registered', 'any']) }).optional(),
      grades: z
        .object({
          schemes: z
            .array(
              z.object({
                schemeId: z.string().min(1).max(100),
                subjects: z.enum(['partner-registered', 'any']),
                effect: z.enum(['apply', 'inform']),
                recognitionTable: configId.optional(),
              }),
            )
            .min(1),
        })
        .optional(),
    }),
  )
  .superRefine((agreements, ctx) => {
    // One agreement per partner region and one term per list: the lookup must never have to choose.
    const regions = new Set<string>();
    agreements.forEach((a, i) => {
      if (regions.has(a.partner.region))
        ctx.addIssue({ code: 'custom', path: [i, 'partner', 'region'], message: `a second agreement for ${a.partner.region}` });
      regions.add(a.partner.region);
      const types = new Set<string>();
      a.lists.forEach((l, j) => {
        if (types.has(l.listType)) ctx.addIssue({ code: 'custom', path: [i, 'lists', j, 'listType'], message: `${l.listType} listed twice` });
        types.add(l.listType);
      });
      const schemes = new Set<string>();
      a.grades?.schemes.forEach((g, j) => {
        if (schemes.has(g.schemeId)) ctx.addIssue({ code: 'custom', path: [i, 'grades', 'schemes', j, 'schemeId'], message: `${g.schemeId} listed twice` });
        schemes.add(g.schemeId);
      });
    });
  });

export interface Recognition {
  outcome: 'applied' | 'not-applied';
  agreement: string;
  reason: string;
  maxTermMonths: number;
}

/** The region a subject is registered in, read from its identifier (null when it does not say). */
export function registeredRegionOf(subject: { kind: string; id: string }): string | null {
  const id = subject.id.toUpperCase();
  if (subject.kind === 'org' && id.length === 18) return id.slice(2, 8);
  if (subject.kind === 'person' && /^\d{6}/.test(id)) return id.slice(0, 6);
  if (subject.kind === 'vehicle') return PLATE_PROVINCE_REGIONS[subject.id[0] ?? ''] ?? null;
  return null;
}

/**
 * What the agreement with the sender says of one entry: applied only when an agreement covers the
 * list type, the subject is one it covers, and its effect is `apply`. Anything else is stored and
 * reported as not applied, with the reason.
 */
export function recognitionOf(
  agreements: readonly RecognitionAgreement[],
  sender: string,
  entry: { listType: string; subject: { kind: string; id: string } },
): Recognition {
  const agreement = agreements.find((a) => a.partner.region === sender);
  if (!agreement) return { outcome: 'not-applied', agreement: '', reason: `no recognition agreement with ${sender}`, maxTermMonths: 0 };
  const term = agreement.lists.find((l) => l.listType === entry.listType);
  const notApplied = (reason: string): Recognition => ({ outcome: 'not-applied', agreement: agreement.id, reason, maxTermMonths: term?.maxTermMonths ?? 0 });
  if (!term) return notApplied(`agreement ${agreement.id} does not recognise the ${entry.listType} list`);
  if (term.subjects === 'partner-registered' && !registeredWithin(agreement.partner.region, entry.subject))
    return notApplied(`agreement ${agreement.id} recognises ${entry.listType} entries only about subjects registered in ${agreement.partner.region}`);
  if (term.effect === 'inform') return notApplied(`agreement ${agreement.id} receives ${entry.listType} entries for information only`);
  return {
    outcome: 'applied',
    agreement: agreement.id,
    reason: `recognised under agreement ${agreement.id} (${agreement.source})`,
    maxTermMonths: term.maxTermMonths,
  };
}

/** What the agreement with the sender says of one of its grades (ADR 0085); the table reads it on our ladder. */
export interface GradeRecognition {
  outcome: 'applied' | 'not-applied';
  agreement: string;
  reason: string;
  recognitionTableId: string;
}

/**
 * A partner's grade is applied only when the agreement with its sender names the partner's scheme,
 * the subject is one that term covers, and its effect is `apply`; anything else is stored as not
 * applied, with the reason (the rule of list entries). The term's recognition table goes with it
 * either way, so what the grade would count as here can be read.
 */
export function gradeRecognitionOf(
  agreements: readonly RecognitionAgreement[],
  sender: string,
  grade: { schemeId: string; subject: { kind: string; id: string } },
): GradeRecognition {
  const agreement = agreements.find((a) => a.partner.region === sender);
  if (!agreement) return { outcome: 'not-applied', agreement: '', reason: `no recognition agreement with ${sender}`, recognitionTableId: '' };
  const term = agreement.grades?.schemes.find((g) => g.schemeId === grade.schemeId);
  if (!term)
    return {
      outcome: 'not-applied',
      agreement: agreement.id,
      reason: `agreement ${agreement.id} does not recognise grades of ${grade.schemeId}`,
      recognitionTableId: '',
    };
  const notApplied = (reason: string): GradeRecognition => ({
    outcome: 'not-applied',
    agreement: agreement.id,
    reason,
    recognitionTableId: term.recognitionTable ?? '',
  });
  if (term.subjects === 'partner-registered' && !registeredWithin(agreement.partner.region, grade.subject))
    return notApplied(`agreement ${agreement.id} recognises ${grade.schemeId} grades only of subjects registered in ${agreement.partner.region}`);
  if (term.effect === 'inform') return notApplied(`agreement ${agreement.id} receives ${grade.schemeId} grades for information only`);
  return {
    outcome: 'applied',
    agreement: agreement.id,
    reason: `recognised under agreement ${agreement.id} (${agreement.source})`,
    recognitionTableId: term.recognitionTable ?? '',
  };
}

/** Whether the agreement with the sender accepts its record about a subject (ADR 0069). */
export type RecordAcceptance = { accepted: true; agreement: string } | { accepted: false; agreement: string; reason: string };

/**
 * A partner's record push is accepted only when the agreement with its sender names records and
 * the subject is one it covers; there is no "stored, not applied" record (a stored record is
 * evaluated and disclosed), so anything else is refused with the reason.
 */
export function recordAcceptanceOf(agreements: readonly RecognitionAgreement[], sender: string, subject: { kind: string; id: string }): RecordAcceptance {
  const agreement = agreements.find((a) => a.partner.region === sender);
  if (!agreement) return { accepted: false, agreement: '', reason: `no recognition agreement with ${sender}` };
  if (!agreement.records) return { accepted: false, agreement: agreement.id, reason: `agreement ${agreement.id} does not accept credit records` };
  if (agreement.records.subjects === 'partner-registered' && !registeredWithin(agreement.partner.region, subject))
    return {
      accepted: false,
      agreement: agreement.id,
      reason: `agreement ${agreement.id} accepts records only about subjects registered in ${agreement.partner.region}`,
    };
  return { accepted: true, agreement: agreement.id };
}

/**
 * Whether the agreement with the sender lets it forward a repair application about one of OUR list
 * entries (ADR 0088): it must exchange list entries with us (a `lists` term). Our entries reach the
 * partner through our feed whatever it recognises of them, so the subject is not checked here
 * (repair checks it against the entry).
 */
export function listEntryRepairAcceptanceOf(agreements: readonly RecognitionAgreement[], sender: string): RecordAcceptance {
  const agreement = agreements.find((a) => a.partner.region === sender);
  if (!agreement) return { accepted: false, agreement: '', reason: `no recognition agreement with ${sender}` };
  if (agreement.lists.length === 0) return { accepted: false, agreement: agreement.id, reason: `agreement ${agreement.id} does not exchange list entries` };
  return { accepted: true, agreement: agreement.id };
}

/** Whether the subject is registered within the partner's region (the identifier rule above). */
export function registeredWithin(partnerRegion: string, subject: { kind: string; id: string }): boolean {
  const registered = registeredRegionOf(subject);
  if (!registered) return false;
  const scope = parseRegionCode(partnerRegion);
  const target = parseRegionCode(registered);
  return scope.ok && target.ok && regionContains(scope.value, target.value);
}

/** GA 36 province characters and their GB/T 2260 province codes (law). */
const PLATE_PROVINCE_REGIONS: Record<string, string> = {
  京: '110000',
  津: '120000',
  冀: '130000',
  晋: '140000',
  蒙: '150000',
  辽: '210000',
  吉: '220000',
  黑: '230000',
  沪: '310000',
  苏: '320000',
  浙: '330000',
  皖: '340000',
  闽: '350000',
  赣: '360000',
  鲁: '370000',
  豫: '410000',
  鄂: '420000',
  湘: '430000',
  粤: '440000',
  桂: '450000',
  琼: '460000',
  渝: '500000',
  川: '510000',
  贵: '520000',
  云: '530000',
  藏: '540000',
  陕: '610000',
  甘: '620000',
  青: '630000',
  宁: '640000',
  新: '650000',
};
