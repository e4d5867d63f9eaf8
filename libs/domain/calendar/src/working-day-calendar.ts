import type { HolidayArrangement } from './holiday-arrangements';
import { addDays, assertIsoDate, dayOfWeek, yearOf } from './iso-date';
import { hasHolidayArrangement, isStatutoryWorkingDay, UnsupportedCalendarYearError } from './statutory-holidays';
import { statutoryDaysOff } from './statutory-rule';

/** Local deviations from the national arrangement, as ISO dates. */
export interface WorkingDayOverrides {
  /** Extra days off decided locally, e.g. offices closed for a flood. */
  readonly extraHolidays?: readonly string[];
  /** Days worked although the national arrangement has them off. */
  readonly extraWorkdays?: readonly string[];
  /**
   * A year whose national arrangement is not yet known (the State Council publishes it late in
   * the year before) nor loaded: `throw` (default), `weekdays`, counting Monday to Friday, or
   * `statutory`, the holidays of 《全国年节及纪念日放假办法》 without make-up days. Use `weekdays`
   * only for deadlines that are shown and can be recomputed, never for a legal decision;
   * `deadline()` always uses `statutory` and says the answer is provisional.
   */
  readonly unknownYears?: UnknownYears;
  /**
   * Published arrangements loaded by ops (`loadHolidayArrangements`, docs/ops.md). A loaded year
   * wins over the packaged one and over the statutory rule, and is not provisional.
   */
  readonly arrangements?: readonly HolidayArrangement[];
}

export type UnknownYears = 'throw' | 'weekdays' | 'statutory';

/** A legal deadline and whether it rests on the statutory rule for a year with no arrangement. */
export interface Deadline {
  readonly date: string;
  /**
   * True when a day counted falls in a year with neither a packaged nor a loaded arrangement:
   * the make-up working days (调休) of that year are unknown, so the date may move once the
   * State Council's notice is loaded.
   */
  readonly provisional: boolean;
}

interface DayStatus {
  readonly working: boolean;
  readonly provisional: boolean;
}

interface LoadedYear {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
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
  private readonly unknownYears: UnknownYears;
  private readonly loaded: ReadonlyMap<number, LoadedYear>;

  constructor(overrides: WorkingDayOverrides = {}) {
    this.unknownYears = overrides.unknownYears ?? 'throw';
    this.loaded = toLoadedYears(overrides.arrangements ?? []);
    this.extraHolidays = toDateSet(overrides.extraHolidays ?? [], 'extraHolidays');
    this.extraWorkdays = toDateSet(overrides.extraWorkdays ?? [], 'extraWorkdays');
    const both = [...this.extraHolidays].filter((d) => this.extraWorkdays.has(d));
    if (both.length > 0) {
      throw new RangeError(`dates both extra holiday and extra workday: ${both.join(', ')}`);
    }
  }

  /**
   * Overrides win; then a loaded arrangement, then the packaged one; for a year with neither,
   * the `unknownYears` option.
   * @throws UnsupportedCalendarYearError when the year's arrangement is unknown and `unknownYears` is `throw`
   */
  isWorkingDay(date: string): boolean {
    assertIsoDate(date);
    return this.dayStatus(date, this.unknownYears).working;
  }

  /** Whether `year` has a loaded or packaged arrangement (a deadline in it is not provisional). */
  hasArrangement(year: number): boolean {
    return this.loaded.has(year) || hasHolidayArrangement(year);
  }

  /**
   * A legal deadline: the day `n` working days after `from` (`from` not counted, as in
   * `addWorkingDays`). Never plain Monday–Friday: a year with no arrangement counts the statutory
   * holidays of 《全国年节及纪念日放假办法》 and the answer is marked provisional.
   */
  deadline(from: string, n: number): Deadline {
    assertIsoDate(from, 'from');
    assertCount(n);
    let date = from;
    let remaining = n;
    let provisional = false;
    while (remaining > 0) {
      date = addDays(date, 1);
      const status = this.dayStatus(date, 'statutory');
      provisional ||= status.provisional;
      if (status.working) remaining--;
    }
    return { date, provisional };
  }

  /**
   * The day that is `n` working days after `from`; `from` itself is not counted, so the result is
   * always a working day when n > 0. n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: string, n: number): string {
    assertIsoDate(from, 'from');
    assertCount(n);
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

  private dayStatus(date: string, unknownYears: UnknownYears): DayStatus {
    if (this.extraHolidays.has(date)) return { working: false, provisional: false };
    if (this.extraWorkdays.has(date)) return { working: true, provisional: false };
    const year = yearOf(date);
    const loaded = this.loaded.get(year);
    if (loaded !== undefined) return { working: isWorkingIn(loaded, date), provisional: false };
    if (hasHolidayArrangement(year)) return { working: isStatutoryWorkingDay(date), provisional: false };
    switch (unknownYears) {
      case 'weekdays':
        return { working: !isWeekend(date), provisional: true };
      case 'statutory':
        return { working: !isWeekend(date) && !statutoryDaysOff(year).has(date), provisional: true };
      case 'throw':
        throw new UnsupportedCalendarYearError(year);
    }
  }
}

function isWorkingIn({ holidays, workdays }: LoadedYear, date: string): boolean {
  if (workdays.has(date)) return true;
  if (holidays.has(date)) return false;
  return !isWeekend(date);
}

function isWeekend(date: string): boolean {
  return dayOfWeek(date) % 6 === 0;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  }
}

function toLoadedYears(arrangements: readonly HolidayArrangement[]): ReadonlyMap<number, LoadedYear> {
  const years = new Map<number, LoadedYear>();
  for (const { year, holidays, workdays } of arrangements) {
    if (years.has(year)) throw new RangeError(`arrangement for ${year} given twice`);
    years.set(year, { holidays: toDateSet(holidays, `arrangements ${year} holidays`), workdays: toDateSet(workdays, `arrangements ${year} workdays`) });
  }
  return years;
}

function toDateSet(dates: readonly string[], name: string): ReadonlySet<string> {
  for (const date of dates) assertIsoDate(date, name);
  return new Set(dates);
}
