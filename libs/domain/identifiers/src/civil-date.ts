// A calendar date without time or zone. Kept local to this lib (rather than imported from
// @domain/calendar) so that identifiers stays a leaf with no third-party dependencies.

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one. setUTCFullYear, unlike Date.UTC, does
  // not read years 0–99 as 1900–1999; UTC avoids time-zone effects.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Strict ISO 8601 calendar date `YYYY-MM-DD` that exists in the Gregorian calendar. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
