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

  it('never guesses Monday–Friday for a year whose arrangement is not in the calendar: no date, provisional', () => {
    expect(decisionDeadline('2031-03-03', 2)).toEqual({ date: null, provisional: true });
  });
});
