import { addMonths } from '@domain/calendar';

/** How serious a dishonest act is; decides how long it is published. */
export const SEVERITIES = ['minor', 'general', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export interface PublicityPeriod {
  /** Months that must pass before publication may end early by repair (信用修复). */
  readonly minMonths: number;
  /** Months after which publication ends by itself. */
  readonly maxMonths: number;
}

/**
 * National rule (law), 国家发展改革委令2025年第36号 (in force 2026-04-01, replacing 2023年第58号):
 * minor dishonesty (warnings, summary procedure) is not published or published at most 3 months;
 * general at least 3 months and at most 1 year; severe at least 1 year and at most 3 years.
 * Local schemes may not change these numbers, so they live in code, not configuration.
 */
export const PUBLICITY_PERIODS: Readonly<Record<Severity, PublicityPeriod>> = Object.freeze({
  minor: Object.freeze({ minMonths: 0, maxMonths: 3 }),
  general: Object.freeze({ minMonths: 3, maxMonths: 12 }),
  severe: Object.freeze({ minMonths: 12, maxMonths: 36 }),
});

export interface PublicityWindow {
  /**
   * Last day of the minimum period; repair may take effect from the next day. For minor records
   * (no minimum) this is the decision date itself.
   */
  readonly minEndsOn: string;
  /** Last day of publication; from the next day the record leaves public view by itself. */
  readonly maxEndsOn: string;
}

/**
 * The clock starts at the decision date (国家发展改革委令2025年第36号). Periods in months are counted
 * per 《民法典》第二百零一条、第二百零二条: the decision day is not counted and the period ends on the
 * corresponding day of the last month, or that month's last day if it has none.
 * Example: general, decided 2025-03-15 → minimum ends 2025-06-15, maximum 2026-03-15.
 */
export function publicityWindow(decisionDate: string, severity: Severity): PublicityWindow {
  const period = PUBLICITY_PERIODS[severity];
  if (period === undefined) throw new RangeError(`unknown severity "${severity}"`);
  return {
    minEndsOn: addMonths(decisionDate, period.minMonths),
    maxEndsOn: addMonths(decisionDate, period.maxMonths),
  };
}
