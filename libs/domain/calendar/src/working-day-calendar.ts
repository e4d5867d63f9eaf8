import { addDays, assertIsoDate, dayOfWeek, yearOf } from './iso-date';
import { hasHolidayArrangement, isStatutoryWorkingDay } from './statutory-holidays';

/** Local deviations from the national arrangement, as ISO dates. */
export interface WorkingDayOverrides {
  /** Extra days off decided locally, e.g. offices closed for a flood. */
  readonly extraHolidays?: readonly string[];
  /** Days worked although the national arrangement has them off. */
  readonly extraWorkdays?: readonly string[];
  /**
   * A year whose national arrangement is not yet known (the State Council publishes it late in
   * the year before): `throw` (default) or `weekdays`, counting Monday to Friday. Use `weekdays`
   * only for deadlines that are shown and can be recomputed, never for a legal decision.
   */
  readonly unknownYears?: 'throw' | 'weekdays';
}

/**
 * Working days (工作日) for deadlines such as "published within 7 working days of the decision"
 * (双公示) or permit decision limits: Monday to Friday, minus public holidays, plus make-up
 * working days (调休), with optional local overrides.
 *
 * 《行政许可法》第八十二条: deadlines in working days exclude statutory holidays.
 * 《民法典》第二百零一条: the day on which a period starts is not counted; counting begins the next
 * day. Hence `addWorkingDays(decision, 7)` is the last day for publication.
 */
export class WorkingDayCalendar {
  private readonly extraHolidays: ReadonlySet<string>;
  private readonly extraWorkdays: ReadonlySet<string>;
  private readonly unknownYears: 'throw' | 'weekdays';

  constructor(overrides: WorkingDayOverrides = {}) {
    this.unknownYears = overrides.unknownYears ?? 'throw';
    this.extraHolidays = toDateSet(overrides.extraHolidays ?? [], 'extraHolidays');
    this.extraWorkdays = toDateSet(overrides.extraWorkdays ?? [], 'extraWorkdays');
    const both = [...this.extraHolidays].filter((d) => this.extraWorkdays.has(d));
    if (both.length > 0) {
      throw new RangeError(`dates both extra holiday and extra workday: ${both.join(', ')}`);
    }
  }

  /**
   * Overrides win; otherwise the national arrangement decides.
   * @throws UnsupportedCalendarYearError when the year's arrangement is unknown
   */
  isWorkingDay(date: string): boolean {
    assertIsoDate(date);
    if (this.extraHolidays.has(date)) return false;
    if (this.extraWorkdays.has(date)) return true;
    if (this.unknownYears === 'weekdays' && !hasHolidayArrangement(yearOf(date))) return dayOfWeek(date) % 6 !== 0;
    return isStatutoryWorkingDay(date);
  }

  /**
   * The day that is `n` working days after `from`; `from` itself is not counted, so the result is
   * always a working day when n > 0. n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: string, n: number): string {
    assertIsoDate(from, 'from');
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`n must be a non-negative integer, got ${n}`);
    }
    let date = from;
    let remaining = n;
    while (remaining > 0) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) remaining--;
    }
    return date;
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is not after `from`).
   * A record was published on time when `workingDaysBetween(decision, published) <= 7`.
   */
  workingDaysBetween(from: string, to: string): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }
}

function toDateSet(dates: readonly string[], name: string): ReadonlySet<string> {
  for (const date of dates) assertIsoDate(date, name);
  return new Set(dates);
}
