import fc from 'fast-check';
import { addDays, addMonths, assertIsoDate, chinaDateOf, dayOfWeek, daysInMonth, isIsoDate } from './iso-date';

describe('ISO dates', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '0004-02-29'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '', '2025-01-01T00:00'])('rejects %p', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => assertIsoDate(d)).toThrow(RangeError);
  });

  it('knows month lengths', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-10-01')).toBe(3); // Wednesday
    expect(dayOfWeek('2025-09-28')).toBe(0); // Sunday
  });
});

describe('addMonths (《民法典》第二百零二条)', () => {
  it.each([
    ['2025-03-15', 3, '2025-06-15'],
    ['2025-01-31', 1, '2025-02-28'], // no corresponding day: last day of the month
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-03-15', 0, '2025-03-15'],
    ['2025-03-15', 36, '2028-03-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('rejects fractional months', () => {
    expect(() => addMonths('2025-03-15', 1.5)).toThrow(RangeError);
  });

  it('keeps the day of month when it exists, else uses the last day', () => {
    const date = fc.integer({ min: 0, max: 365 * 30 }).map((i) => addDays('2000-01-01', i));
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), (d, m) => {
        const result = addMonths(d, m);
        expect(isIsoDate(result)).toBe(true);
        const day = Number(d.slice(8));
        const [y, mo, rd] = result.split('-').map(Number);
        expect(rd).toBe(Math.min(day, daysInMonth(y, mo)));
        const monthIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        expect(monthIndex(result) - monthIndex(d)).toBe(m);
      }),
    );
  });
});

describe('chinaDateOf', () => {
  it('uses China time (UTC+8)', () => {
    expect(chinaDateOf(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(chinaDateOf(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(chinaDateOf(new Date('2025-10-01T00:00:00+08:00'))).toBe('2025-10-01');
  });

  it('agrees with the IANA zone Asia/Shanghai', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instant = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (d) => {
        expect(chinaDateOf(d)).toBe(format.format(d));
      }),
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => chinaDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});
