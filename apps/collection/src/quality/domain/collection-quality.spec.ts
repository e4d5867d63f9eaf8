import { WorkingDayCalendar } from '@domain/calendar';
import { assembleReport, monthBounds, timelinessByUnit } from './collection-quality';

const calendar = new WorkingDayCalendar();
const deadlineOf = (type: string) => (type === 'administrative-penalty' || type === 'administrative-licence' ? 7 : null);

describe('collection quality', () => {
  it('judges 双公示 timeliness in working days after the decision (law: 7)', () => {
    // Decided Monday 2026-11-02: the 7th working day after it is Wednesday 2026-11-11.
    const units = timelinessByUnit(
      [
        { sourceClientId: 'zz', recordType: 'administrative-penalty', decisionDate: '2026-11-02', receivedOn: '2026-11-11', n: 3 },
        { sourceClientId: 'zz', recordType: 'administrative-penalty', decisionDate: '2026-11-02', receivedOn: '2026-11-12', n: 1 },
        { sourceClientId: 'zz', recordType: 'commendation', decisionDate: '2026-01-02', receivedOn: '2026-11-12', n: 5 },
        // Decided 2026-09-29, received 2026-10-09: National Day week in between, so only 3 working days.
        { sourceClientId: 'ly', recordType: 'administrative-licence', decisionDate: '2026-09-29', receivedOn: '2026-10-09', n: 2 },
      ],
      deadlineOf,
      calendar,
    );
    expect(units.get('zz')).toEqual({ received: 9, timelinessDue: 4, onTime: 3, late: 1 });
    expect(units.get('ly')).toEqual({ received: 2, timelinessDue: 2, onTime: 2, late: 0 });
  });

  it('assembles one row per unit from every source, with rates', () => {
    const timeliness = timelinessByUnit(
      [{ sourceClientId: 'b', recordType: 'administrative-penalty', decisionDate: '2026-11-02', receivedOn: '2026-11-20', n: 4 }],
      deadlineOf,
      calendar,
    );
    const rows = assembleReport(timeliness, new Map([['a', { rejected: 2, monitoringViolations: 3, claimed: 3, disposed: 2 }]]));
    expect(rows.map((r) => r.sourceClientId)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({ received: 0, onTimeRate: 1, rejected: 2, claimRate: 1, disposalRate: 0.6667 });
    expect(rows[1]).toMatchObject({ received: 4, timelinessDue: 4, onTime: 0, late: 4, onTimeRate: 0, claimRate: 1 });
  });

  it('bounds a month in China time', () => {
    expect(monthBounds('2026-12')).toEqual({ start: '2026-12-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' });
    expect(monthBounds('2026-13')).toBeUndefined();
    expect(monthBounds('2026-1')).toBeUndefined();
  });
});
