import { afterCheck, afterSend, afterUpload, afterWatch, evidenceFilesOf } from './repair-forwarding';

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

/*
 * An approval the partner gave, watched for its revocation (ADR 0088; docs/exchange.md: the GET
 * answers `status: revoked` with `revocation: { reason, revokedBy, revokedAt }`, the decision
 * staying approved).
 */
describe('repair forwarding: watching an approval for its revocation', () => {
  it('still approved: asked again later; revoked: revoked here with the partner’s reason and client', () => {
    const decision = { outcome: 'approved', reason: '同意修复', decidedBy: 'zhengzhou', decidedAt: '2026-12-01T02:00:00.000Z' };
    expect(afterWatch({ status: 200, body: { status: 'approved', decision } })).toEqual({ kind: 'still-approved' });
    const revocation = { reason: '信用承诺不实，撤销修复', revokedBy: 'zhengzhou', revokedAt: '2026-12-05T02:00:00.000Z', reapplyBarredUntil: '2027-12-05' };
    expect(afterWatch({ status: 200, body: { status: 'revoked', decision, revocation } })).toEqual({
      kind: 'revoked',
      reason: '信用承诺不实，撤销修复',
      revokedBy: 'zhengzhou',
      revokedAt: '2026-12-05T02:00:00.000Z',
    });
  });

  it('a failure or an answer that is not an approval’s is retried, never read as a revocation', () => {
    for (const answer of [
      { status: 503, body: { code: 'EXCHANGE.PARTNER_UNAVAILABLE' } },
      { status: 404, body: { code: 'REPAIR.APPLICATION_NOT_FOUND' } },
      { status: 200, body: { status: 'pending' } },
      { status: 200, body: '<html>' },
    ]) {
      expect(afterWatch(answer)).toMatchObject({ kind: 'retry' });
    }
  });
});

/*
 * Evidence files go to the partner before the application names them (ADR 0088; docs/exchange.md:
 * `POST /exchange/v1/repair-evidence` answers 201 with the file's SHA-256, or a FILE.* refusal).
 */
describe('repair forwarding: evidence files', () => {
  const sha = 'a'.repeat(64);

  it('only `sha256:` references name files; text references stay text', () => {
    expect(evidenceFilesOf(['鄂交整改报告 12 号', `sha256:${sha}`])).toEqual([sha]);
  });

  it('held by the partner under the same SHA-256: nothing to do; another hash or a failure: retried', () => {
    expect(afterUpload({ status: 201, body: { sha256: sha, sizeBytes: 10, mediaType: 'application/pdf' } }, sha)).toBeNull();
    expect(afterUpload({ status: 201, body: { sha256: 'b'.repeat(64) } }, sha)).toMatchObject({ kind: 'retry' });
    expect(afterUpload({ status: 503, body: null }, sha)).toMatchObject({ kind: 'retry' });
    expect(afterUpload({ status: 403, body: { code: 'AUTH.INSUFFICIENT_SCOPE' } }, sha)).toMatchObject({ kind: 'retry' });
  });

  it('the file refused with a code (type, size): the deciding province’s word, the application rejected naming it', () => {
    for (const [status, code] of [
      [415, 'FILE.TYPE_REFUSED'],
      [413, 'FILE.TOO_LARGE'],
      [400, 'FILE.EMPTY'],
    ] as const) {
      expect(afterUpload({ status, body: { code, detail: 'refused' } }, sha)).toMatchObject({
        kind: 'decided',
        outcome: 'rejected',
        reason: expect.stringContaining(code),
      });
    }
  });
});
