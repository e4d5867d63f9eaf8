import fc from 'fast-check';
import { addDays } from '@domain/calendar';
import { PUBLICITY_PERIODS, SEVERITIES, isSeverity, publicityWindow, type Severity } from './severity';

describe('publicity periods (国家发展改革委令2025年第36号)', () => {
  it('encodes the national minimum and maximum in months', () => {
    expect(PUBLICITY_PERIODS).toEqual({
      minor: { minMonths: 0, maxMonths: 3 },
      general: { minMonths: 3, maxMonths: 12 },
      severe: { minMonths: 12, maxMonths: 36 },
    });
    expect(Object.isFrozen(PUBLICITY_PERIODS.general)).toBe(true);
  });

  it('lists severities from least to most serious', () => {
    expect(SEVERITIES).toEqual(['minor', 'general', 'severe']);
    expect(isSeverity('general')).toBe(true);
    expect(isSeverity('GENERAL')).toBe(false);
  });

  it.each([
    ['2025-03-15', 'minor', '2025-03-15', '2025-06-15'],
    ['2025-03-15', 'general', '2025-06-15', '2026-03-15'],
    ['2025-03-15', 'severe', '2026-03-15', '2028-03-15'],
    ['2025-11-30', 'general', '2026-02-28', '2026-11-30'], // no 30 February: month end
    ['2024-02-29', 'severe', '2025-02-28', '2027-02-28'],
    ['2025-12-31', 'minor', '2025-12-31', '2026-03-31'],
  ] as const)('%s %s → minimum ends %s, maximum %s', (decision, severity, minEndsOn, maxEndsOn) => {
    expect(publicityWindow(decision, severity)).toEqual({ minEndsOn, maxEndsOn });
  });

  it('rejects a malformed decision date or severity', () => {
    expect(() => publicityWindow('2025-02-30', 'general')).toThrow(RangeError);
    expect(() => publicityWindow('2025-03-15', 'grave' as Severity)).toThrow(RangeError);
  });

  it('minimum never after maximum; more severe never shorter', () => {
    const decision = fc.integer({ min: 0, max: 3650 }).map((i) => addDays('2020-01-01', i));
    fc.assert(
      fc.property(decision, (d) => {
        const windows = SEVERITIES.map((s) => publicityWindow(d, s));
        for (const w of windows) {
          expect(w.minEndsOn >= d).toBe(true);
          expect(w.minEndsOn <= w.maxEndsOn).toBe(true);
        }
        for (let i = 1; i < windows.length; i++) {
          expect(windows[i].minEndsOn >= windows[i - 1].minEndsOn).toBe(true);
          expect(windows[i].maxEndsOn >= windows[i - 1].maxEndsOn).toBe(true);
        }
      }),
    );
  });
});
