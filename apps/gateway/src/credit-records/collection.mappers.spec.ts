import { collectionV1 } from '@contracts';
import { toRecordTypesBody } from './catalogue.mapper';
import { toCreditRecordBody } from './credit-record.mapper';
import { toObjectionBody } from './objection.mapper';

describe('collection response mappers', () => {
  describe('toObjectionBody', () => {
    const objection: collectionV1.Objection = {
      id: 'o1',
      recordId: 'r1',
      status: 'open',
      reason: 'wrong',
      objector: { name: '某公司', contact: '' },
      openedBy: 'client',
      openedAt: '2026-01-01T00:00:00Z',
      dueOn: '2026-01-10',
      overdue: false,
      outcome: '',
      note: '',
      resolvedBy: '',
      resolvedAt: '',
    };

    it('leaves the resolution out of an open objection', () => {
      const body = toObjectionBody(objection);
      expect(body).toEqual({
        id: 'o1',
        recordId: 'r1',
        status: 'open',
        reason: 'wrong',
        objector: { name: '某公司', contact: '' },
        openedBy: 'client',
        openedAt: '2026-01-01T00:00:00Z',
        dueOn: '2026-01-10',
        overdue: false,
      });
      expect(Object.keys(body)).not.toContain('outcome');
    });

    it('shows the resolution of a resolved one', () => {
      const resolved = { ...objection, status: 'resolved', outcome: 'upheld', note: 'n', resolvedBy: 'u', resolvedAt: '2026-01-05T00:00:00Z' };
      expect(toObjectionBody(resolved)).toEqual(resolved);
    });

    it('refuses an answer without an objection', () => {
      expect(() => toObjectionBody(undefined)).toThrow('collection answered without an objection');
    });
  });

  it('toCreditRecordBody parses the payload (empty: {}) and the changes of the versions that have them', () => {
    const version = { version: 1, status: 'active', change: 'created', reason: '', changedAt: 't1', changedBy: 'c', changesJson: '' };
    const record: collectionV1.GetRecordResponse = {
      id: 'r1',
      recordType: 't',
      subject: { kind: 'enterprise', id: 'u', name: 'n' },
      region: '410100',
      severity: 'minor',
      decisionDate: '2026-01-01',
      documentNumber: 'd',
      status: 'corrected',
      payloadJson: '',
      receivedAt: 't0',
      sourceClientId: 'c',
      catalogueVersion: 2,
      publicSummary: '',
      history: [version, { ...version, version: 2, change: 'corrected', changesJson: '{"severity":{"from":"severe","to":"minor"}}' }],
    };
    const { payloadJson: _payloadJson, publicSummary: _publicSummary, ...rest } = record;
    const body = toCreditRecordBody(record);
    expect(body).toEqual({
      ...rest,
      payload: {},
      history: [
        { version: 1, status: 'active', change: 'created', reason: '', changedAt: 't1', changedBy: 'c' },
        {
          version: 2,
          status: 'active',
          change: 'corrected',
          reason: '',
          changedAt: 't1',
          changedBy: 'c',
          changes: { severity: { from: 'severe', to: 'minor' } },
        },
      ],
    });
    expect(Object.keys(body.history[0])).not.toContain('changes');
    expect(toCreditRecordBody({ ...record, payloadJson: '{"amount":5}' }).payload).toEqual({ amount: 5 });
  });

  it('toRecordTypesBody parses schemas and publicity, and turns absent ones into null', () => {
    const type: collectionV1.RecordType = {
      code: 'admin-penalty',
      nameZh: '行政处罚',
      nameEn: 'Administrative penalty',
      category: 'penalty',
      subjectKinds: ['enterprise'],
      severities: ['minor'],
      isPublic: true,
      publicityJson: '{"years":3}',
      timelinessWorkingDays: 7,
      submitScopes: ['records:write'],
      payloadSchemaJson: '{"type":"object"}',
    };
    const body = toRecordTypesBody({
      version: 4,
      effectiveFrom: '2026-01-01',
      recordTypes: [type, { ...type, code: 'internal', isPublic: false, publicityJson: '', timelinessWorkingDays: 0 }],
    });
    expect(body).toEqual({
      version: 4,
      effectiveFrom: '2026-01-01',
      recordTypes: [
        {
          code: 'admin-penalty',
          name: { zh: '行政处罚', en: 'Administrative penalty' },
          category: 'penalty',
          subjectKinds: ['enterprise'],
          severities: ['minor'],
          isPublic: true,
          publicity: { years: 3 },
          timelinessWorkingDays: 7,
          submitScopes: ['records:write'],
          payloadSchema: { type: 'object' },
        },
        {
          code: 'internal',
          name: { zh: '行政处罚', en: 'Administrative penalty' },
          category: 'penalty',
          subjectKinds: ['enterprise'],
          severities: ['minor'],
          isPublic: false,
          publicity: null,
          timelinessWorkingDays: null,
          submitScopes: ['records:write'],
          payloadSchema: { type: 'object' },
        },
      ],
    });
  });
});
