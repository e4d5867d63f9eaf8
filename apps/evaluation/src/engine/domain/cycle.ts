import type { CycleSpec } from './scheme-document';

/**
 * Evaluation cycles (考核周期) on China civil dates (YYYY-MM-DD, Asia/Shanghai): calendar year,
 * half-year, quarter, month, ISO week (Monday–Sunday; Henan ranks weekly), or a rolling window of
 * N months ending on the evaluation date.
 */
export interface CycleWindow {
  /** `2026`, `2026-H2`, `2026-Q4`, `2026-11`, `2026-W47`, or `R12M:2026-11-21` for a rolling window. */
  label: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

/** The instant a China civil day ends (the last millisecond of `date`, Asia/Shanghai). */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000 - 1);
}

/** The cycle that contains `date`. */
export function cycleContaining(spec: CycleSpec, date: string): CycleWindow {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (spec.kind) {
    case 'year':
      return { label: `${year}`, start: `${year}-01-01`, end: `${year}-12-31` };
    case 'half': {
      const half = month <= 6 ? 1 : 2;
      return { label: `${year}-H${half}`, ...monthSpan(year, half * 6 - 5, 6) };
    }
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return { label: `${year}-Q${quarter}`, ...monthSpan(year, quarter * 3 - 2, 3) };
    }
    case 'month':
      return { label: `${year}-${pad(month)}`, ...monthSpan(year, month, 1) };
    case 'week':
      return isoWeek(date);
    case 'rolling': {
      const months = spec.months ?? 12;
      return { label: `R${months}M:${date}`, start: addDays(addMonths(date, -months), 1), end: date };
    }
  }
}

/** The cycle just before `window` (the same length, ending the day before it starts). */
export function previousCycle(spec: CycleSpec, window: CycleWindow): CycleWindow {
  return cycleContaining(spec, addDays(window.start, -1));
}

/**
 * The cycle a period label names (`2026`, `2026-H1`, `2026-Q3`, `2026-07`), or undefined when
 * the label does not fit the scheme's cycle kind. Rolling schemes close on a date (`2026-06-30`).
 */
export function cycleOfPeriod(spec: CycleSpec, period: string): CycleWindow | undefined {
  const patterns: Record<CycleSpec['kind'], RegExp> = {
    year: /^(\d{4})$/,
    half: /^(\d{4})-H([12])$/,
    quarter: /^(\d{4})-Q([1-4])$/,
    month: /^(\d{4})-(0[1-9]|1[0-2])$/,
    week: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
    rolling: /^(\d{4})-(\d{2})-(\d{2})$/,
  };
  const match = patterns[spec.kind].exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  switch (spec.kind) {
    case 'year':
      return cycleContaining(spec, `${year}-01-01`);
    case 'half':
      return cycleContaining(spec, `${year}-${pad(Number(match[2]) * 6)}-01`);
    case 'quarter':
      return cycleContaining(spec, `${year}-${pad(Number(match[2]) * 3)}-01`);
    case 'month':
      return cycleContaining(spec, `${period}-01`);
    case 'week': {
      // ISO week 1 is the week with 4 January in it.
      const week1 = isoWeek(`${year}-01-04`);
      const window = isoWeek(addDays(week1.start, (Number(match[2]) - 1) * 7));
      return window.label === period ? window : undefined;
    }
    case 'rolling':
      return Number.isNaN(Date.parse(`${period}T00:00:00Z`)) ? undefined : cycleContaining(spec, period);
  }
}

/** The ISO 8601 week (Monday–Sunday) containing `date`, labelled with its ISO week-year. */
function isoWeek(date: string): CycleWindow {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const start = addDays(date, 1 - day);
  const thursday = addDays(start, 3);
  const weekYear = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${weekYear}-01-01`, thursday) / 7) + 1;
  return { label: `${weekYear}-W${pad(week)}`, start, end: addDays(start, 6) };
}

function monthSpan(year: number, firstMonth: number, months: number): { start: string; end: string } {
  const start = `${year}-${pad(firstMonth)}-01`;
  return { start, end: addDays(addMonths(start, months), -1) };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar months; the day is clamped to the target month's length (03-31 − 1 month = 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whole calendar months from `from` to `to` (a month counts once its day is reached). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
