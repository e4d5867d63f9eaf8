import chineseDays from 'chinese-days/dist/chinese-days.json';
import { assertIsoDate, dayOfWeek, yearOf } from './iso-date';

// The national arrangement of public holidays and make-up working days (调休), as published each
// year by the State Council (国务院办公厅关于部分节假日安排的通知) and packaged by `chinese-days`.
//
// We read the package's generated JSON (a documented artefact: README "use the JSON file")
// rather than call its functions: in chinese-days 1.5.7 the functions build their tables with
// host-local date arithmetic, and on hosts west of UTC (America/*) they drop the last day of
// every holiday (2025-10-08, 2026-02-23…). The JSON is keyed by ISO date and has no such issue.

interface ArrangementTables {
  /** Days off by the arrangement (including weekends inside a holiday block). */
  readonly holidays: Readonly<Record<string, string>>;
  /** Weekend days worked to make up for a holiday. */
  readonly workdays: Readonly<Record<string, string>>;
}

const tables: ArrangementTables = chineseDays;

/** Thrown when asked about a year whose holiday arrangement is not known. */
export class UnsupportedCalendarYearError extends Error {
  constructor(readonly year: number) {
    super(`no public-holiday arrangement for ${year} is known (package chinese-days); ` + 'upgrade chinese-days once the State Council publishes it');
    this.name = 'UnsupportedCalendarYearError';
  }
}

/**
 * A published arrangement gives 7 festivals and 25+ days off a year; a few dates may spill over
 * from a neighbouring year's arrangement, so a handful of entries does not make a year known.
 * Without this check the year would silently fall back to plain Monday–Friday.
 */
const MIN_HOLIDAYS_IN_KNOWN_YEAR = 10;

const KNOWN_YEARS: ReadonlySet<number> = knownYears(tables);

function knownYears({ holidays }: ArrangementTables): ReadonlySet<number> {
  const counts = new Map<number, number>();
  for (const date of Object.keys(holidays)) {
    const year = yearOf(date);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= MIN_HOLIDAYS_IN_KNOWN_YEAR).map(([year]) => year));
}

export function hasHolidayArrangement(year: number): boolean {
  return KNOWN_YEARS.has(year);
}

/** The years with a known arrangement, ascending. */
export function knownArrangementYears(): number[] {
  return [...KNOWN_YEARS].sort((a, b) => a - b);
}

/**
 * Working day by the national arrangement alone: a make-up day is worked, a holiday is not,
 * otherwise Monday to Friday (《国务院关于职工工作时间的规定》: five-day week).
 * @throws UnsupportedCalendarYearError when the year's arrangement is unknown
 */
export function isStatutoryWorkingDay(date: string): boolean {
  assertIsoDate(date);
  if (!hasHolidayArrangement(yearOf(date))) throw new UnsupportedCalendarYearError(yearOf(date));
  if (Object.hasOwn(tables.workdays, date)) return true;
  if (Object.hasOwn(tables.holidays, date)) return false;
  const weekday = dayOfWeek(date);
  return weekday >= 1 && weekday <= 5;
}
