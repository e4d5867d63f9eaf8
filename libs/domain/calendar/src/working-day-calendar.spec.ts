import fc from 'fast-check';
import { WorkingDayCalendar } from './working-day-calendar';
import { UnsupportedCalendarYearError, hasHolidayArrangement, knownArrangementYears } from './statutory-holidays';
import { addDays } from './iso-date';

const calendar = new WorkingDayCalendar();

function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The last year chinese-days knows, found at run time so the tests survive package upgrades. */
function lastKnownYear(): number {
  return knownArrangementYears().at(-1)!;
}

describe('WorkingDayCalendar: national arrangement (chinese-days)', () => {
  it('treats ordinary weekdays as working days and weekends as days off', () => {
    expect(dates('2025-06-09', '2025-06-13').every((d) => calendar.isWorkingDay(d))).toBe(true);
    expect(calendar.isWorkingDay('2025-06-14')).toBe(false);
    expect(calendar.isWorkingDay('2025-06-15')).toBe(false);
  });

  it('National Day 2025: 1–8 October off, make-up days 28 September and 11 October', () => {
    for (const d of dates('2025-10-01', '2025-10-08')) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday worked
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday worked
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('Spring Festival 2026: 15–23 February off, make-up days 14 and 28 February', () => {
    for (const d of dates('2026-02-15', '2026-02-23')) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('Spring Festival 2024: 10–17 February off, make-up days 4 and 18 February', () => {
    for (const d of dates('2024-02-10', '2024-02-17')) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
    expect(calendar.isWorkingDay('2024-02-04')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-18')).toBe(true);
  });

  it('New Year 2026: 1–3 January off, Sunday 4 January worked', () => {
    expect(dates('2026-01-01', '2026-01-03').map((d) => calendar.isWorkingDay(d))).toEqual([false, false, false]);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
  });

  it('National Day 2026: 1–7 October off, make-up days 20 September and 10 October', () => {
    for (const d of dates('2026-10-01', '2026-10-07')) expect([d, calendar.isWorkingDay(d)]).toEqual([d, false]);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });
});

describe('addWorkingDays (the first day is not counted)', () => {
  it.each([
    ['2025-06-06', 1, '2025-06-09'], // Friday → Monday
    ['2025-06-09', 1, '2025-06-10'],
    ['2025-06-09', 5, '2025-06-16'],
    ['2025-06-14', 1, '2025-06-16'], // from a Saturday
    ['2025-09-26', 1, '2025-09-28'], // the make-up Sunday counts
    ['2025-09-30', 1, '2025-10-09'], // jumps the National Day holiday
    ['2025-09-26', 7, '2025-10-13'], // 28, 29, 30 Sep, 9, 10, 11, 13 Oct
    ['2025-12-31', 1, '2026-01-04'], // across the year, onto a make-up Sunday
    ['2026-02-13', 2, '2026-02-24'], // 14 Feb (make-up Saturday), then after Spring Festival
    ['2025-06-09', 0, '2025-06-09'],
    ['2025-10-03', 0, '2025-10-03'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %p', (n) => {
    expect(() => calendar.addWorkingDays('2025-06-09', n)).toThrow(RangeError);
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.addWorkingDays('2025-6-9', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-02-29', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween (after `from`, up to and including `to`)', () => {
  it.each([
    ['2025-06-09', '2025-06-09', 0],
    ['2025-06-09', '2025-06-10', 1],
    ['2025-06-09', '2025-06-16', 5],
    ['2025-09-30', '2025-10-08', 0], // whole National Day holiday
    ['2025-09-30', '2025-10-11', 3], // 9, 10, 11 Oct
    ['2025-06-10', '2025-06-09', 0], // to before from
  ])('%s → %s = %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('decides 7-working-day publication (双公示) across National Day', () => {
    const decision = '2025-09-26';
    expect(calendar.workingDaysBetween(decision, '2025-10-13')).toBe(7); // on time
    expect(calendar.workingDaysBetween(decision, '2025-10-14')).toBe(8); // late
  });
});

describe('local overrides', () => {
  const local = new WorkingDayCalendar({ extraHolidays: ['2025-07-22'], extraWorkdays: ['2025-07-26'] });

  it('an extra holiday is a day off and is skipped when counting', () => {
    expect(local.isWorkingDay('2025-07-22')).toBe(false);
    expect(local.addWorkingDays('2025-07-21', 1)).toBe('2025-07-23');
    expect(calendar.addWorkingDays('2025-07-21', 1)).toBe('2025-07-22');
  });

  it('an extra workday is a working day and counts', () => {
    expect(local.isWorkingDay('2025-07-26')).toBe(true);
    expect(local.addWorkingDays('2025-07-25', 1)).toBe('2025-07-26');
    expect(local.workingDaysBetween('2025-07-21', '2025-07-27')).toBe(4); // 23, 24, 25, 26
  });

  it('does not affect other calendars', () => {
    expect(calendar.isWorkingDay('2025-07-22')).toBe(true);
    expect(calendar.isWorkingDay('2025-07-26')).toBe(false);
  });

  it('rejects malformed or contradictory overrides', () => {
    expect(() => new WorkingDayCalendar({ extraHolidays: ['2025-13-01'] })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ extraWorkdays: ['20250726'] })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar({ extraHolidays: ['2025-07-22'], extraWorkdays: ['2025-07-22'] })).toThrow(/both/);
  });
});

describe('years without a known arrangement', () => {
  it('knows every year from 2004 to at least 2026, without gaps', () => {
    const years = knownArrangementYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect([2024, 2025, 2026].every(hasHolidayArrangement)).toBe(true);
    expect(hasHolidayArrangement(2003)).toBe(false);
  });

  it.each(['2003-06-02', '2099-06-01'])('refuses to guess for %s', (date) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(UnsupportedCalendarYearError);
    expect(() => calendar.isWorkingDay(date)).toThrow(/no public-holiday arrangement for \d{4}/);
  });

  it('reports the year', () => {
    try {
      calendar.isWorkingDay('2099-06-01');
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedCalendarYearError);
      expect((error as UnsupportedCalendarYearError).year).toBe(2099);
    }
  });

  it('refuses to count into the first unknown year', () => {
    const last = lastKnownYear();
    expect(() => calendar.addWorkingDays(`${last}-12-28`, 10)).toThrow(UnsupportedCalendarYearError);
    expect(() => calendar.workingDaysBetween(`${last}-12-28`, `${last + 1}-01-10`)).toThrow(UnsupportedCalendarYearError);
  });

  it('counts Monday to Friday in an unknown year only when asked to', () => {
    const lenient = new WorkingDayCalendar({ unknownYears: 'weekdays' });
    // 2099-06-01 is a Monday, 2099-06-06 a Saturday.
    expect(lenient.isWorkingDay('2099-06-01')).toBe(true);
    expect(lenient.isWorkingDay('2099-06-06')).toBe(false);
    expect(lenient.addWorkingDays('2099-06-05', 1)).toBe('2099-06-08');
    // Known years still follow the national arrangement (2026-10-01 is National Day).
    expect(lenient.isWorkingDay('2026-10-01')).toBe(false);
  });

  it('still answers an explicit override in an unknown year', () => {
    const local = new WorkingDayCalendar({ extraHolidays: ['2099-06-01'] });
    expect(local.isWorkingDay('2099-06-01')).toBe(false);
  });
});

describe('properties (2024–2026)', () => {
  const dayInRange = fc.integer({ min: 0, max: 365 * 3 - 60 }).map((i) => addDays('2024-01-01', i));
  const n = fc.integer({ min: 0, max: 40 });

  it('addWorkingDays lands on a working day n working days later', () => {
    fc.assert(
      fc.property(dayInRange, n, (from, k) => {
        const to = calendar.addWorkingDays(from, k);
        expect(calendar.workingDaysBetween(from, to)).toBe(k);
        if (k > 0) expect(calendar.isWorkingDay(to)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is additive', () => {
    fc.assert(
      fc.property(dayInRange, fc.nat(30), fc.nat(30), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(calendar.workingDaysBetween(a, c));
      }),
      { numRuns: 50 },
    );
  });
});
