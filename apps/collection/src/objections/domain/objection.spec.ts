import { WorkingDayCalendar } from '@domain/calendar';
import { isOverdue, objectionDueOn, outcomeOf, validateObjectionRequest } from './objection';

describe('objection rules', () => {
  const calendar = new WorkingDayCalendar();

  it('counts the answer deadline in working days, skipping the National Day week', () => {
    // Opened on Tuesday 2026-09-29; 2026-10-01..07 are the National Day holidays.
    expect(objectionDueOn('2026-09-29', 3, calendar)).toBe('2026-10-09'); // 09-30, 10-08, 10-09
    expect(objectionDueOn('2026-11-20', 10, calendar)).toBe('2026-12-04');
  });

  it('is overdue when open past its due date or resolved after it', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ status: 'upheld', dueOn: '2026-12-04', resolvedOn: '2026-12-04' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ status: 'rejected', dueOn: '2026-12-04', resolvedOn: '2026-12-07' }, '2026-12-07')).toBe(true);
  });

  it('decides what becomes of the record', () => {
    expect(outcomeOf('upheld', true)).toBe('corrected');
    expect(outcomeOf('upheld', false)).toBe('revoked');
    expect(outcomeOf('rejected', true)).toBe('rejected');
  });

  it('reports every missing field at once, and trims', () => {
    expect(validateObjectionRequest({ reason: '  ', objector: {} }).violations.map((v) => `${v.field}:${v.code}`)).toEqual([
      'reason:REQUIRED',
      'objector.name:REQUIRED',
    ]);
    expect(validateObjectionRequest({ reason: ' 处罚对象错误 ', objector: { name: ' 郑州某某运输有限公司 ' } }).value).toEqual({
      reason: '处罚对象错误',
      objector: { name: '郑州某某运输有限公司', contact: '' },
    });
    expect(validateObjectionRequest({ reason: 'x'.repeat(2001), objector: { name: 'a', contact: '1'.repeat(101) } }).violations.map((v) => v.code)).toEqual([
      'TOO_LONG',
      'TOO_LONG',
    ]);
  });
});
