import { WorkingDayCalendar } from '@domain/calendar';
import { repairFigures, type ApplicationDates } from './repair-figures';

/*
 * Monthly figures per deciding unit (issue 19 item 10): applications, approved, rejected, overdue,
 * median working days to decision. Working days by the working-day calendar; November 2026 has no
 * statutory holiday (《全国年节及纪念日放假办法》), so Monday to Friday count. The decision
 * deadline (REPAIR_DECISION_WORKING_DAYS) is a placeholder; the dates below are given, not computed.
 */
const calendar = new WorkingDayCalendar({ unknownYears: 'weekdays' });
const app = (a: Partial<ApplicationDates>): ApplicationDates => ({
  decidingRegion: '410100',
  status: 'pending',
  appliedOn: '2026-11-02',
  decisionDueOn: '2026-11-09',
  decidedOn: null,
  ...a,
});

describe('repair figures of a month, per deciding unit', () => {
  it('counts filings, decisions (a revoked repair was approved), overdue ones and the median working days', () => {
    const figures = repairFigures(
      [
        // Mon 2 Nov → Wed 4 Nov: 2 working days.
        app({ status: 'approved', decidedOn: '2026-11-04' }),
        // Mon 2 Nov → Mon 9 Nov: 5 working days (the weekend 7–8 Nov does not count).
        app({ status: 'revoked', decidedOn: '2026-11-09' }),
        // Mon 2 Nov → Wed 11 Nov: 7 working days; decided after its due date: overdue.
        app({ status: 'rejected', decidedOn: '2026-11-11' }),
        // Still pending on 20 Nov, due 9 Nov: overdue.
        app({}),
        // Filed in October, decided in November: a November decision (Fri 30 Oct → Mon 2 Nov: 1 working day).
        app({ appliedOn: '2026-10-30', decisionDueOn: '2026-11-06', status: 'approved', decidedOn: '2026-11-02' }),
        // Another unit.
        app({ decidingRegion: '410300', appliedOn: '2026-11-16', decisionDueOn: '2026-11-23' }),
      ],
      '2026-11',
      '2026-11-20',
      calendar,
    );
    expect(figures).toEqual([
      { decidingRegion: '410100', applications: 4, approved: 3, rejected: 1, overdue: 2, medianWorkingDaysToDecision: 3.5 },
      // Due 23 Nov, today 20 Nov: not overdue yet; no decisions: no median.
      { decidingRegion: '410300', applications: 1, approved: 0, rejected: 0, overdue: 0, medianWorkingDaysToDecision: null },
    ]);
  });
});
