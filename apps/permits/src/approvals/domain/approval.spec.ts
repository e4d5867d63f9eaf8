import { answerBlocked, answerViolations, isEscalatedOverdue, refusalReason } from './approval';

/*
 * Parallel approval rules (issue 18 item 5; DOMAIN.md §7 national parallel permit): every other
 * province on the route answers once; a refusal says why; overdue after the cross-province deadline.
 */
describe('parallel approval (并联审批)', () => {
  const henanToHubei = [
    { province: '410000', state: 'origin' as const },
    { province: '420000', state: 'pending' as const },
  ];

  it('accepts approve without a reason and refuse with one', () => {
    expect(answerViolations('approve', undefined)).toEqual([]);
    expect(answerViolations('refuse', '桥梁限载')).toEqual([]);
  });

  it('names each invalid field: an unknown decision, a refusal without a reason', () => {
    expect(answerViolations('maybe', undefined)).toEqual([{ field: 'decision', reason: 'approve or refuse' }]);
    expect(answerViolations('refuse', '  ')).toEqual([{ field: 'reason', reason: 'a refusal says why' }]);
  });

  it('a province on the route with its row pending may answer', () => {
    expect(answerBlocked({ status: 'accepted', decided: false, approvals: henanToHubei }, '420000')).toBeUndefined();
  });

  it('a province not on the route, or the accepting province itself, is not asked', () => {
    expect(answerBlocked({ status: 'accepted', decided: false, approvals: henanToHubei }, '430000')).toBe('not-on-route');
    expect(answerBlocked({ status: 'accepted', decided: false, approvals: henanToHubei }, '410000')).toBe('not-on-route');
  });

  it('a second answer from the same province is refused', () => {
    const answered = [henanToHubei[0], { province: '420000', state: 'approved' as const }];
    expect(answerBlocked({ status: 'accepted', decided: false, approvals: answered }, '420000')).toBe('already-answered');
  });

  it('an application already decided (another province refused) or not accepted waits for nobody', () => {
    expect(answerBlocked({ status: 'accepted', decided: true, approvals: henanToHubei }, '420000')).toBe('not-pending');
    expect(answerBlocked({ status: 'deficient', decided: false, approvals: henanToHubei }, '420000')).toBe('not-pending');
  });

  it("the application's refusal names the refusing province", () => {
    expect(refusalReason('420000', ' 汉江大桥限高 ')).toBe('420000: 汉江大桥限高');
  });

  it('reads answer overdue once escalated and while still pending', () => {
    expect(isEscalatedOverdue('pending', '2025-12-16T00:00:00.000Z')).toBe(true);
    expect(isEscalatedOverdue('pending', null)).toBe(false);
    expect(isEscalatedOverdue('approved', '2025-12-16T00:00:00.000Z')).toBe(false);
  });
});
