import { CREDIT_LIST_TYPES, type CreditListType } from '@domain/credit';
import { z } from 'zod';

/**
 * How long the subject is told in advance (事前告知) before an entry can take effect, and how long an
 * entry lasts when neither its rule nor its decision says otherwise. Both are LOCAL: DOMAIN.md §4
 * requires prior notice and an end but fixes neither figure, so each province configures them
 * (LIST_POLICIES). A rule may carry its own national duration (e.g. 2 years for the severe overload
 * list, 交办公路〔2017〕8号), which wins over the list's default.
 */
export interface ListPolicy {
  listType: CreditListType;
  noticeWorkingDays: number;
  /** null: the entry lasts until it is removed (repair, revocation of its basis). */
  defaultDurationMonths: number | null;
  /** Where the figures come from. */
  source: string;
}

export const listPolicySchema = z.object({
  listType: z.enum(CREDIT_LIST_TYPES),
  noticeWorkingDays: z.number().int().min(0).max(60),
  defaultDurationMonths: z.number().int().min(1).max(120).nullable(),
  source: z.string().min(1),
});

const PLACEHOLDER = 'LOCAL placeholder: DOMAIN.md §4 requires prior notice (事前告知) but gives no period; set per province';

/** Defaults until a province configures its own. */
export const DEFAULT_LIST_POLICIES: readonly ListPolicy[] = [
  { listType: 'red', noticeWorkingDays: 5, defaultDurationMonths: 12, source: PLACEHOLDER },
  { listType: 'key-watch', noticeWorkingDays: 5, defaultDurationMonths: 12, source: PLACEHOLDER },
  { listType: 'severe-dishonesty', noticeWorkingDays: 5, defaultDurationMonths: 24, source: `${PLACEHOLDER}; 2 years after 交办公路〔2017〕8号` },
  { listType: 'bad-driver', noticeWorkingDays: 5, defaultDurationMonths: 12, source: PLACEHOLDER },
  // Being let through is no punishment: no notice is owed, the entry helps the subject at once.
  { listType: 'interception-whitelist', noticeWorkingDays: 0, defaultDurationMonths: 12, source: 'LOCAL placeholder: a reward needs no prior notice' },
];

export class ListPolicies {
  private readonly byType: ReadonlyMap<CreditListType, ListPolicy>;

  constructor(policies: readonly ListPolicy[]) {
    this.byType = new Map(policies.map((p) => [p.listType, p]));
    const missing = CREDIT_LIST_TYPES.filter((t) => !this.byType.has(t));
    if (missing.length > 0) throw new Error(`list policies missing for: ${missing.join(', ')}`);
  }

  of(listType: CreditListType): ListPolicy {
    return this.byType.get(listType)!;
  }
}
