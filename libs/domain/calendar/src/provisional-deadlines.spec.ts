import fc from 'fast-check';
import { WorkingDayCalendar } from './working-day-calendar';
import { addDays } from './iso-date';
import { knownArrangementYears } from './statutory-holidays';
import { statutoryDaysOff, statutoryFestivals } from './statutory-rule';
import type { HolidayArrangement } from './holiday-arrangements';

// Expected dates are derived by hand from 《全国年节及纪念日放假办法》 as amended by 国务院令第795号
// (in force 2025-01-01): 第二条 元旦 1 天, 春节 4 天 (除夕至正月初三), 清明 1 天, 劳动节 2 天
// (5月1日、2日), 端午 1 天, 中秋 1 天, 国庆 3 天 (10月1日至3日); 第六条 a festival day on a Saturday
// or Sunday gives a substitute day off (补假) on a working day. Lunar dates of 2027 from the
// almanac: 正月初一 = 6 February (Saturday), 端午 = 9 June, 中秋 = 15 September; 清明 = 5 April.
// 2027-01-01 is a Friday.

const calendar = new WorkingDayCalendar();

describe('the statutory rule against the published arrangements (a check that cannot be faked)', () => {
  // The amended rule is in force from 2025; chinese-days carries the State Council's notices.
  const publishedYearsUnderTheRule = knownArrangementYears().filter((year) => year >= 2025);

  it('covers at least 2025 and 2026', () => {
    expect(publishedYearsUnderTheRule).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it.each(publishedYearsUnderTheRule)('every day off the rule gives in %i is a day off in the published notice', (year) => {
    const notWorked = [...statutoryDaysOff(year)].map((date) => [date, calendar.isWorkingDay(date)]);
    expect(notWorked).toEqual(notWorked.map(([date]) => [date, false]));
  });

  it.each([2025, 2026, 2027, 2030])('gives the 13 festival days of 第二条 in %i', (year) => {
    expect(statutoryFestivals(year).flatMap((f) => f.days)).toHaveLength(1 + 4 + 1 + 2 + 1 + 1 + 3);
  });

  it('computes the lunar festivals of 2026 as the State Council notice names them', () => {
    // The State Council's notice for 2026 (packaged by chinese-days): 春节 2月15日–23日 (除夕 16 Feb), 清明 4月4日–6日, 端午 6月19日, 中秋 9月25日.
    const days = Object.fromEntries(statutoryFestivals(2026).map((f) => [f.name, f.days]));
    expect(days['春节']).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
    expect(days['清明节']).toEqual(['2026-04-05']);
    expect(days['端午节']).toEqual(['2026-06-19']);
    expect(days['中秋节']).toEqual(['2026-09-25']);
  });

  it('2027 by the rule: 春节 5–8 Feb and two substitute days for the weekend (9, 10 Feb), 劳动节 on a weekend (3, 4 May), 国庆 on Fri–Sun (4, 5 Oct)', () => {
    const off = statutoryDaysOff(2027);
    for (const date of ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']) expect(off).toContain(date);
    for (const date of ['2027-04-05', '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-06-09', '2027-09-15']) expect(off).toContain(date);
    for (const date of ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05']) expect(off).toContain(date);
    expect(off.size).toBe(13 + 2 + 2 + 2);
  });
});

describe('deadline(from, n): never plain Monday–Friday', () => {
  it('15 working days from Sunday 2026-12-20 crossing into 2027 skip 元旦 and are provisional', () => {
    // 21–25 Dec (5), 28–31 Dec (9), 1 Jan 2027 off (元旦, a Friday), 4–8 Jan (14), 11 Jan (15).
    // Plain Monday–Friday would wrongly give 8 January.
    expect(calendar.deadline('2026-12-20', 15)).toEqual({ date: '2027-01-11', provisional: true });
  });

  it.each([
    ['2027-02-04', 2, '2027-02-12'], // 除夕 5 Feb – 初三 8 Feb, 补假 9 and 10 Feb; then 11, 12 Feb
    ['2027-09-30', 1, '2027-10-06'], // 国庆 1–3 Oct (Fri–Sun), 补假 4 and 5 Oct
    ['2027-04-30', 1, '2027-05-05'], // 劳动节 1–2 May (Sat–Sun), 补假 3 and 4 May
    ['2027-04-02', 1, '2027-04-06'], // 清明 Monday 5 April
  ])('%s + %i working days = %s (provisional)', (from, n, date) => {
    expect(calendar.deadline(from, n)).toEqual({ date, provisional: true });
  });

  it('is not provisional inside a published year and matches addWorkingDays there', () => {
    // 国庆 2025: 1–8 October off, make-up days 28 September and 11 October.
    expect(calendar.deadline('2025-09-26', 7)).toEqual({ date: '2025-10-13', provisional: false });
    expect(calendar.deadline('2026-02-13', 2)).toEqual({ date: calendar.addWorkingDays('2026-02-13', 2), provisional: false });
  });

  it('n = 0 returns the start day, counting nothing', () => {
    expect(calendar.deadline('2027-03-03', 0)).toEqual({ date: '2027-03-03', provisional: false });
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %p', (n) => {
    expect(() => calendar.deadline('2027-03-03', n)).toThrow(RangeError);
  });

  it('rejects a start that is not an ISO date', () => {
    expect(() => calendar.deadline('2027-02-30', 1)).toThrow(RangeError);
  });

  it('keeps the existing methods: unknown years still throw by default and count Monday–Friday with weekdays', () => {
    expect(() => calendar.isWorkingDay('2027-01-01')).toThrow();
    expect(new WorkingDayCalendar({ unknownYears: 'weekdays' }).addWorkingDays('2026-12-20', 15)).toBe('2027-01-08');
    expect(new WorkingDayCalendar({ unknownYears: 'statutory' }).addWorkingDays('2026-12-20', 15)).toBe('2027-01-11');
  });

  it('local extra holidays still apply to deadlines', () => {
    const flooded = new WorkingDayCalendar({ extraHolidays: ['2027-01-11'] });
    expect(flooded.deadline('2026-12-20', 15)).toEqual({ date: '2027-01-12', provisional: true });
  });
});

describe('deadline with an arrangement loaded by ops', () => {
  // A hypothetical notice for 2027 (the real one is not published yet): 元旦 1–3 Jan, 春节 5–12 Feb
  // with make-up Saturday 20 Feb. Only its shape matters here.
  const arrangement2027: HolidayArrangement = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d}`)],
    workdays: ['2027-02-20'],
  };
  const loaded = new WorkingDayCalendar({ arrangements: [arrangement2027] });

  it('a loaded year wins over the rule and is not provisional', () => {
    expect(loaded.hasArrangement(2027)).toBe(true);
    expect(loaded.deadline('2026-12-20', 15)).toEqual({ date: '2027-01-11', provisional: false });
    expect(loaded.deadline('2027-02-04', 2)).toEqual({ date: '2027-02-16', provisional: false }); // 15, 16 Feb
  });

  it('counts the loaded make-up Saturday, which the rule cannot know', () => {
    expect(loaded.deadline('2027-02-19', 1)).toEqual({ date: '2027-02-20', provisional: false });
    expect(calendar.deadline('2027-02-19', 1)).toEqual({ date: '2027-02-22', provisional: true });
  });

  it('the existing methods use the loaded year too', () => {
    expect(loaded.isWorkingDay('2027-02-20')).toBe(true);
    expect(loaded.isWorkingDay('2027-02-09')).toBe(false);
  });

  it('a year past the loaded one is provisional again', () => {
    expect(loaded.hasArrangement(2028)).toBe(false);
    expect(loaded.deadline('2027-12-30', 3).provisional).toBe(true);
  });

  it('refuses the same year loaded twice', () => {
    expect(() => new WorkingDayCalendar({ arrangements: [arrangement2027, arrangement2027] })).toThrow(RangeError);
  });
});

describe('deadline properties', () => {
  const startIn = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((offset) => addDays(from, offset));
  const weekdays = new WorkingDayCalendar({ unknownYears: 'weekdays' });

  it('inside published years it equals addWorkingDays and is not provisional', () => {
    fc.assert(
      fc.property(startIn('2024-01-01', 600), fc.integer({ min: 0, max: 20 }), (from, n) => {
        expect(calendar.deadline(from, n)).toEqual({ date: calendar.addWorkingDays(from, n), provisional: false });
      }),
    );
  });

  it('through an unpublished year it is provisional, on a working day by the rule, and never earlier than Monday–Friday counting', () => {
    fc.assert(
      fc.property(startIn('2026-11-01', 500), fc.integer({ min: 1, max: 20 }), (from, n) => {
        const { date, provisional } = calendar.deadline(from, n);
        expect(date >= weekdays.addWorkingDays(from, n)).toBe(true);
        if (date >= '2027-01-01') {
          expect(provisional).toBe(true);
          expect(statutoryDaysOff(Number(date.slice(0, 4))).has(date)).toBe(false);
        }
      }),
    );
  });
});
