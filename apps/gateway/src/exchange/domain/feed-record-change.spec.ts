import { isRecordChange, recordActionOf } from './feed-record-change';

/** A record as docs/exchange.md "Change feed" shows it. */
const record = {
  id: '0193a0b4-0000-7000-8000-0000000000aa',
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: '91420100MA4K000000', name: '武汉某运输有限公司' },
  region: '410100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '郑交执罚〔2026〕1001号',
  summary: '超限运输',
  publishedUntil: '2029-11-02T15:59:59.999Z',
  version: 1,
  recordVersion: 1,
  effectiveAt: '2026-11-03T08:00:00.000Z',
};

describe('a record change of a partner feed (ADR 0086)', () => {
  it('record.* are record changes; list entries and unknown types are not', () => {
    expect(isRecordChange({ type: 'record.in-force' })).toBe(true);
    expect(isRecordChange({ type: 'record.withdrawn' })).toBe(true);
    expect(isRecordChange({ type: 'list-entry.in-force' })).toBe(false);
    expect(isRecordChange({ type: 'record.archived' })).toBe(false);
  });

  it('in force: hold the record under the partner’s record id, its public facts, summary and publication version', () => {
    expect(recordActionOf({ type: 'record.in-force', record })).toEqual({
      kind: 'hold',
      record: {
        id: record.id,
        recordType: 'administrative-penalty',
        subject: record.subject,
        region: '410100',
        severity: 'general',
        decisionDate: '2026-11-02',
        documentNumber: '郑交执罚〔2026〕1001号',
        summary: '超限运输',
        version: 1,
      },
    });
  });

  it('withdrawn: withdraw what is held under the id, with the source reason and version', () => {
    const withdrawn = { ...record, version: 2, removal: { reason: 'revoked: 处罚决定已被依法撤销', removedAt: '2026-12-01T08:00:00.000Z' } };
    expect(recordActionOf({ type: 'record.withdrawn', record: withdrawn })).toEqual({
      kind: 'withdraw',
      reference: record.id,
      version: 2,
      reason: 'revoked: 处罚决定已被依法撤销',
    });
  });

  it('a withdrawal needs only the id and version; without a removal its reason is empty', () => {
    expect(recordActionOf({ type: 'record.withdrawn', record: { id: 'r', version: 3 } })).toEqual({ kind: 'withdraw', reference: 'r', version: 3, reason: '' });
  });

  it('an in-force record without what holding it needs is invalid, naming the fields', () => {
    const action = recordActionOf({ type: 'record.in-force', record: { ...record, documentNumber: undefined, version: 0 } });
    expect(action.kind).toBe('invalid');
    expect(action.kind === 'invalid' && action.reason).toContain('record.documentNumber');
    expect(action.kind === 'invalid' && action.reason).toContain('record.version');
  });

  it('a change without a record is invalid', () => {
    expect(recordActionOf({ type: 'record.withdrawn' })).toMatchObject({ kind: 'invalid' });
  });
});
