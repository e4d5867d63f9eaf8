import { afterCheck, afterSend } from './repair-forwarding';

/*
 * The partner's answers as docs/exchange.md "Repair applications" defines them: 201 (200 replayed)
 * with the application; a refusal with a code is the deciding province's word; anything else is a
 * fault to retry (ADR 0084).
 */
describe('repair forwarding: what the deciding partner answered', () => {
  it('a send accepted (201, or 200 replayed) gives the partner’s id', () => {
    expect(afterSend({ status: 201, body: { id: 'hb-1', status: 'pending' } })).toEqual({ kind: 'sent', partnerApplicationId: 'hb-1' });
    expect(afterSend({ status: 200, body: { id: 'hb-1', status: 'pending' } })).toEqual({ kind: 'sent', partnerApplicationId: 'hb-1' });
  });

  it('a refusal with a code (not found, not decided there, ineligible, outside the agreement) rejects the application with that code', () => {
    for (const [status, code] of [
      [404, 'REPAIR.RECORD_NOT_FOUND'],
      [409, 'REPAIR.NOT_DECIDED_HERE'],
      [422, 'REPAIR.MINIMUM_PERIOD_NOT_OVER'],
      [422, 'EXCHANGE.OUTSIDE_AGREEMENT'],
      [400, 'REPAIR.INVALID'],
    ] as const) {
      const step = afterSend({ status, body: { code, detail: 'why' } });
      expect(step).toMatchObject({ kind: 'decided', outcome: 'rejected' });
      expect(step.kind === 'decided' && step.reason).toContain(code);
    }
  });

  it('down, a server error, our token or scope refused, throttled, or a body without a code: retried, nothing decided', () => {
    for (const answer of [
      { status: 503, body: { code: 'EXCHANGE.PARTNER_UNAVAILABLE' } },
      { status: 500, body: null },
      { status: 401, body: { code: 'AUTH.TOKEN_INVALID' } },
      { status: 403, body: { code: 'AUTH.INSUFFICIENT_SCOPE' } },
      { status: 429, body: { code: 'RATE_LIMITED' } },
      { status: 404, body: '<html>' },
      { status: 201, body: {} },
    ]) {
      expect(afterSend(answer)).toMatchObject({ kind: 'retry' });
    }
  });

  it('an answer check: pending waits; approved or rejected is the decision with its reason and decider; anything else is retried', () => {
    expect(afterCheck({ status: 200, body: { status: 'pending' } })).toEqual({ kind: 'waiting' });
    const decision = { outcome: 'approved', reason: '同意修复', decidedBy: 'zhengzhou', decidedAt: '2026-12-01T02:00:00.000Z' };
    expect(afterCheck({ status: 200, body: { status: 'approved', decision } })).toEqual({ kind: 'decided', ...decision });
    expect(afterCheck({ status: 200, body: { status: 'rejected', decision: { ...decision, outcome: 'rejected', reason: '未纠正' } } })).toMatchObject({
      kind: 'decided',
      outcome: 'rejected',
      reason: '未纠正',
    });
    expect(afterCheck({ status: 404, body: { code: 'REPAIR.APPLICATION_NOT_FOUND' } })).toMatchObject({ kind: 'retry' });
    expect(afterCheck({ status: 200, body: { status: 'approved' } })).toMatchObject({ kind: 'retry' });
  });
});
