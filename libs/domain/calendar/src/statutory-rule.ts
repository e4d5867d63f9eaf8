import { Lunar, Solar } from 'lunar-typescript';
import { addDays, dayOfWeek } from './iso-date';

// The public holidays fixed by 《全国年节及纪念日放假办法》 as amended by 国务院令第795号
// (2024-11-10, in force 2025-01-01), for years whose yearly arrangement is not yet published.
//
//   第二条 全体公民放假的节日：元旦 1 天（1月1日）；春节 4 天（农历除夕、正月初一至初三）；
//   清明节 1 天（农历清明当日）；劳动节 2 天（5月1日、2日）；端午节 1 天（农历端午当日）；
//   中秋节 1 天（农历中秋当日）；国庆节 3 天（10月1日至3日）。
//   第六条 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。
//
// Lunar dates and the solar term 清明 are computed by `lunar-typescript` (ADR 0058). The make-up
// working days (调休) of the yearly notice cannot be derived from the rule and are left out.

/** One festival of 第二条: its days off in one Gregorian year. */
export interface StatutoryFestival {
  readonly name: string;
  readonly days: readonly string[];
}

/** The festivals of 第二条 in `year`, in calendar order, without substitute days. */
export function statutoryFestivals(year: number): StatutoryFestival[] {
  const springFestival = lunarToIso(year, 1, 1);
  return [
    { name: '元旦', days: [`${year}-01-01`] },
    { name: '春节', days: [addDays(springFestival, -1), springFestival, addDays(springFestival, 1), addDays(springFestival, 2)] },
    { name: '清明节', days: [qingmingOf(year)] },
    { name: '劳动节', days: [`${year}-05-01`, `${year}-05-02`] },
    { name: '端午节', days: [lunarToIso(year, 5, 5)] },
    { name: '中秋节', days: [lunarToIso(year, 8, 15)] },
    { name: '国庆节', days: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`] },
  ];
}

const cache = new Map<number, ReadonlySet<string>>();

/**
 * Every day off the rule gives in `year`: the festival days, plus one substitute day (补假, 第六条)
 * on the next weekday after the festival for each festival day on a Saturday or Sunday.
 */
export function statutoryDaysOff(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (days === undefined) {
    days = computeDaysOff(year);
    cache.set(year, days);
  }
  return days;
}

function computeDaysOff(year: number): ReadonlySet<string> {
  const festivals = statutoryFestivals(year);
  const off = new Set(festivals.flatMap((f) => f.days));
  for (const { days } of festivals) {
    let substitutes = days.filter(isWeekend).length;
    for (let date = addDays(days[days.length - 1], 1); substitutes > 0; date = addDays(date, 1)) {
      if (isWeekend(date) || off.has(date)) continue;
      off.add(date);
      substitutes--;
    }
  }
  return off;
}

function isWeekend(date: string): boolean {
  return dayOfWeek(date) % 6 === 0;
}

/** The Gregorian date of a day in the lunar year that begins in Gregorian `year`. */
function lunarToIso(year: number, month: number, day: number): string {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** 清明 is the solar term when the sun reaches 15° of ecliptic longitude (4–6 April). */
function qingmingOf(year: number): string {
  return Lunar.fromSolar(Solar.fromYmd(year, 6, 1))
    .getJieQiTable()
    ['清明'].toYmd();
}
