import { WorkingDayCalendar } from '@domain/calendar';
import { decisionDeadline } from './decision-deadline';

describe('decisionDeadline: working days from acceptance, the day of acceptance not counted', () => {
  it('class I (2 working days) accepted on Thursday 2025-09-11 ends Monday 2025-09-15 (the weekend not counted)', () => {
    expect(decisionDeadline('2025-09-11', 2)).toEqual({ date: '2025-09-15', provisional: false });
  });

  it('a make-up working day counts: class I accepted Thursday 2025-09-25 ends on Sunday 2025-09-28 (调休上班)', () => {
    expect(decisionDeadline('2025-09-25', 2)).toEqual({ date: '2025-09-28', provisional: false });
  });

  it('skips the National Day holiday and counts the make-up working day (2025: 10-01…10-08 off, 09-28 and 10-11 worked)', () => {
    // 国务院办公厅关于2025年部分节假日安排的通知: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班.
    // Accepted Friday 2025-09-26: Sun 09-28 (make-up) 1, Mon 09-29 2, Tue 09-30 3, Thu 10-09 4, Fri 10-10 5.
    expect(decisionDeadline('2025-09-26', 5)).toEqual({ date: '2025-10-10', provisional: false });
  });

  it('never plain Monday–Friday for a year without an arrangement: the statutory rule, marked provisional', () => {
    // Monday 2031-03-03, no statutory holiday in early March: Wednesday 2031-03-05, provisional (issue 18 item 2).
    expect(decisionDeadline('2031-03-03', 2)).toEqual({ date: '2031-03-05', provisional: true });
    // 劳动节 2031-05-01 and 05-02 are off (《全国年节及纪念日放假办法》): Wednesday 2031-04-30 + 2 working days →
    // Mon 05-05 (1), Tue 05-06 (2).
    expect(decisionDeadline('2031-04-30', 2)).toEqual({ date: '2031-05-06', provisional: true });
  });

  it('uses the ops-loaded arrangement it is given', () => {
    const loaded = new WorkingDayCalendar({ arrangements: [{ year: 2031, holidays: ['2031-03-04'], workdays: [] }] });
    expect(decisionDeadline('2031-03-03', 2, loaded)).toEqual({ date: '2031-03-06', provisional: false });
  });
});
