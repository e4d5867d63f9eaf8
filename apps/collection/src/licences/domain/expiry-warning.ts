import { addDays, addMonths } from '@domain/calendar';
import { z } from 'zod';
import { LocalRule, mostSpecificRule } from '../../scheduling/domain/local-rule';

/**
 * How far ahead a licence holder is warned that a licence ends: LOCAL (DOMAIN.md), so
 * configuration. A window is `months` (counted per 《民法典》第二百零二条) or `days`.
 */
export interface ExpiryWarningRule extends LocalRule {
  months?: number;
  days?: number;
}

export const expiryWarningRuleSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, 'a GB/T 2260 region code'),
    months: z.number().int().min(1).max(24).optional(),
    days: z.number().int().min(1).max(730).optional(),
    source: z.string().min(1, 'every local rule cites its source'),
  })
  .refine((r) => (r.months === undefined) !== (r.days === undefined), 'exactly one of months or days');

const JIAOZUO_SOURCE = '河南省2024年信用交通典型案例（seeds/002）焦作：经营许可证逾期、年审逾期等"提前1个月发出警示"';

/** Shipped configuration; LICENCE_WARNING_RULES_JSON replaces it. */
export const DEFAULT_EXPIRY_WARNING_RULES: readonly ExpiryWarningRule[] = [
  { region: '410800', months: 1, source: JIAOZUO_SOURCE },
  // Henan's other cities: the province adopts Jiaozuo's practice until a city configures its own.
  { region: '410000', months: 1, source: `河南省默认，沿用焦作做法：${JIAOZUO_SOURCE}` },
];

export interface WarningWindow {
  /** Licences whose last valid day is on or before this date (and not before today) are expiring. */
  until: string;
  days: number;
  rule: ExpiryWarningRule;
}

/** The warning window of `region` seen from `today`, or undefined where no rule applies. */
export function warningWindow(region: string, today: string, rules: readonly ExpiryWarningRule[]): WarningWindow | undefined {
  const rule = mostSpecificRule(region, rules);
  if (!rule) return undefined;
  const until = rule.months !== undefined ? addMonths(today, rule.months) : addDays(today, rule.days ?? 0);
  return { until, days: daysBetween(today, until), rule };
}

/** Still valid today (the last valid day counts) and ending no later than `until`. */
export function isExpiringWithin(validUntil: string, today: string, until: string): boolean {
  return validUntil >= today && validUntil <= until;
}

/** Whole days from `from` to `to` (0 when the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
