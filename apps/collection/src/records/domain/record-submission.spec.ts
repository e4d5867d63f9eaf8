import { DomainError } from '@platform/errors';
import { RawSubmission, validateSubmission } from './record-submission';

const good: RawSubmission = {
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: '91350100M000100Y43', name: '郑州某某运输有限公司' },
  region: '410100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '郑交罚〔2026〕101号',
  sourceRecordId: 'zz-101',
  payloadJson: JSON.stringify({ facts: '超限运输' }),
  idempotencyKey: '',
};
const today = '2026-11-21';

function violationsOf(raw: RawSubmission): { field: string; code?: string }[] {
  try {
    validateSubmission(raw, today);
  } catch (error) {
    return (error as DomainError).violations.map(({ field, code }) => ({ field, code }));
  }
  throw new Error('expected a validation error');
}

describe('validateSubmission', () => {
  it('accepts and normalises a good penalty (full-width USCC, padded region)', () => {
    const valid = validateSubmission({ ...good, subject: { ...good.subject!, id: '９１３５０１００ｍ０００１００ｙ４３' }, region: ' 410100 ' }, today);
    expect(valid.subject.id).toBe('91350100M000100Y43');
    expect(valid.region).toBe('410100');
    expect(valid.idempotencyKey).toBeNull();
    expect(valid.type.isPublic).toBe(true);
  });

  it('names the field and reason for a USCC with a wrong check character', () => {
    expect(violationsOf({ ...good, subject: { ...good.subject!, id: '91350100M000100Y44' } })).toEqual([{ field: 'subject.id', code: 'USCC_CHECK_CHARACTER' }]);
  });

  it('collects every violation at once', () => {
    const fields = violationsOf({ ...good, region: '99', severity: 'awful', decisionDate: '2026-13-01', documentNumber: ' ', payloadJson: '[1]' }).map((v) => v.field);
    expect(fields.sort()).toEqual(['decisionDate', 'documentNumber', 'payload', 'region', 'severity']);
  });

  it('refuses a decision dated in the future', () => {
    expect(violationsOf({ ...good, decisionDate: '2026-11-22' })).toEqual([{ field: 'decisionDate', code: 'FUTURE_DATE' }]);
  });

  it('refuses an unknown record type with its own code', () => {
    expect(() => validateSubmission({ ...good, recordType: 'parking-ticket' }, today)).toThrow(expect.objectContaining({ code: 'RECORD.UNKNOWN_TYPE' }));
  });
});
