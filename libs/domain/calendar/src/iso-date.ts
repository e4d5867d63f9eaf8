// Calendar dates as ISO 8601 `YYYY-MM-DD` strings (GB/T 7408), always meaning a day in China.
// Arithmetic runs on UTC midnights so that the host's time zone and DST never shift a day.

const DAY_MS = 86_400_000;

/**
 * China Standard Time is UTC+8 all year: China has observed no daylight saving time since 1991,
 * so a fixed offset gives the same answer as the IANA zone Asia/Shanghai for every date we handle.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: string, name = 'date'): void {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} must be an ISO date YYYY-MM-DD, got "${value}"`);
  }
}

/** The calendar date in China (Asia/Shanghai) at the given instant. */
export function chinaDateOf(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('chinaDateOf: invalid Date');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Like Date.UTC, minus its quirk of reading years 0–99 as 1900–1999. */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds calendar months the way 《民法典》第二百零二条 counts periods in months: the period ends on
 * the corresponding day of the last month, or on that month's last day when it has no such day
 * (2025-01-31 plus one month is 2025-02-28).
 */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date);
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatIsoDate(targetYear, targetMonth, targetDay);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function toUtcMs(date: string): number {
  assertIsoDate(date);
  const [year, month, day] = date.split('-').map(Number);
  return utcMs(year, month, day);
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
