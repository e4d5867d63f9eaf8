import { chinaDateOf } from '@domain/calendar';
import { addMonths, cycleContaining, cycleOfPeriod, monthsBetween, previousCycle } from './cycle';

describe('evaluation cycles', () => {
  it.each([
    [{ kind: 'year' as const }, '2026-11-21', { label: '2026', start: '2026-01-01', end: '2026-12-31' }],
    [{ kind: 'half' as const }, '2026-06-30', { label: '2026-H1', start: '2026-01-01', end: '2026-06-30' }],
    [{ kind: 'half' as const }, '2026-07-01', { label: '2026-H2', start: '2026-07-01', end: '2026-12-31' }],
    [{ kind: 'quarter' as const }, '2026-11-21', { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
    [{ kind: 'quarter' as const }, '2028-02-29', { label: '2028-Q1', start: '2028-01-01', end: '2028-03-31' }],
    [{ kind: 'month' as const }, '2028-02-10', { label: '2028-02', start: '2028-02-01', end: '2028-02-29' }],
    [{ kind: 'week' as const }, '2026-11-21', { label: '2026-W47', start: '2026-11-16', end: '2026-11-22' }],
    [{ kind: 'week' as const }, '2027-01-01', { label: '2026-W53', start: '2026-12-28', end: '2027-01-03' }],
    [{ kind: 'rolling' as const, months: 12 }, '2026-11-21', { label: 'R12M:2026-11-21', start: '2025-11-22', end: '2026-11-21' }],
  ])('%j containing %s', (spec, date, expected) => {
    expect(cycleContaining(spec, date)).toEqual(expected);
  });

  it('names the previous cycle', () => {
    expect(previousCycle({ kind: 'quarter' }, cycleContaining({ kind: 'quarter' }, '2026-02-01'))).toEqual({
      label: '2025-Q4',
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(previousCycle({ kind: 'rolling', months: 6 }, cycleContaining({ kind: 'rolling', months: 6 }, '2026-06-30')).end).toBe('2025-12-30');
  });

  it('reads period labels for the scheme’s cycle kind only', () => {
    expect(cycleOfPeriod({ kind: 'quarter' }, '2026-Q3')).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(cycleOfPeriod({ kind: 'year' }, '2026')?.end).toBe('2026-12-31');
    expect(cycleOfPeriod({ kind: 'month' }, '2026-02')?.end).toBe('2026-02-28');
    expect(cycleOfPeriod({ kind: 'year' }, '2026-Q3')).toBeUndefined();
    expect(cycleOfPeriod({ kind: 'quarter' }, '2026-Q5')).toBeUndefined();
    expect(cycleOfPeriod({ kind: 'week' }, '2026-W47')).toEqual({ label: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(cycleOfPeriod({ kind: 'week' }, '2026-W01')?.start).toBe('2025-12-29');
    expect(cycleOfPeriod({ kind: 'week' }, '2025-W53')).toBeUndefined();
  });

  it('uses China dates: 23:30 UTC on 31 Dec is already 1 Jan in Beijing', () => {
    expect(chinaDateOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('counts calendar months, clamping month ends', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(monthsBetween('2026-05-22', '2026-11-21')).toBe(5);
    expect(monthsBetween('2026-05-21', '2026-11-21')).toBe(6);
  });
});
