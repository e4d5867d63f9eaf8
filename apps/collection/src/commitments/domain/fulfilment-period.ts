import { addDays } from '@domain/calendar';
import { z } from 'zod';
import { LocalRule, mostSpecificRule } from '../../scheduling/domain/local-rule';

/**
 * A LOCAL cap on how long a commitment may stay unfulfilled (DOMAIN.md: numbers that differ by
 * place are configuration). A commitment must be fulfilled by its own due date, and never later
 * than `days` calendar days after it was made where such a rule applies.
 */
export interface FulfilmentPeriodRule extends LocalRule {
  /** The `commitmentType` of the catalogue it applies to, or `*` for every type. */
  commitmentType: string;
  /** Calendar days from the commitment's decision date (the decision day is not counted, 《民法典》第二百零一条). */
  days: number;
  /** What the authority does when the commitment is broken, carried into the broken record. */
  consequence?: string;
}

export const fulfilmentPeriodRuleSchema = z.object({
  region: z.string().regex(/^\d{6}$/, 'a GB/T 2260 region code'),
  commitmentType: z.string().min(1),
  days: z.number().int().min(1).max(3660),
  consequence: z.string().min(1).max(500).optional(),
  source: z.string().min(1, 'every local rule cites its source'),
});

/** Shipped configuration; COMMITMENT_FULFILMENT_RULES_JSON replaces it. */
export const DEFAULT_FULFILMENT_PERIOD_RULES: readonly FulfilmentPeriodRule[] = [
  {
    region: '330100',
    commitmentType: 'notification-commitment',
    days: 180,
    consequence: '撤销《道路普通货物运输经营许可》',
    source: '交通运输部2024年度信用交通典型案例（seeds/004）杭州：普货企业开业信用承诺办，"对在180天内未完成履约的企业撤销其《道路普通货物运输经营许可》"',
  },
];

export interface CommitmentTerms {
  region: string;
  decisionDate: string;
  /** The commitment's own due date (payload `dueDate`). */
  dueDate: string;
  commitmentType: string;
}

export interface EffectiveDueDate {
  /** Last day on which fulfilment may be recorded. */
  dueOn: string;
  /** The local rule that shortened the commitment's own due date, if any. */
  rule?: FulfilmentPeriodRule;
}

/** The earlier of the commitment's own due date and its place's fulfilment period. */
export function effectiveDueDate(terms: CommitmentTerms, rules: readonly FulfilmentPeriodRule[]): EffectiveDueDate {
  const rule = mostSpecificRule(terms.region, rules, (r) => r.commitmentType === '*' || r.commitmentType === terms.commitmentType);
  if (!rule) return { dueOn: terms.dueDate };
  const capped = addDays(terms.decisionDate, rule.days);
  return capped < terms.dueDate ? { dueOn: capped, rule } : { dueOn: terms.dueDate };
}

/** Broken once the due day is over with no fulfilment: the due day itself still counts. */
export function isOverdue(dueOn: string, today: string): boolean {
  return today > dueOn;
}
