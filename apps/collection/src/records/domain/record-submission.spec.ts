import { DomainError } from '@platform/errors';
import { Catalogue } from '../../catalogue/domain/catalogue';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { PENALTY_PAYLOAD } from './penalty.fixture';
import { RawSubmission, validateSubmission as validateAgainst } from './record-submission';

const catalogue = new Catalogue(CATALOGUE_V1);
const validateSubmission = (raw: RawSubmission, today: string) => validateAgainst(raw, catalogue, today);
const penaltyPayload = PENALTY_PAYLOAD;

const good: RawSubmission = {
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: '91350100M000100Y43', name: '郑州某某运输有限公司' },
  region: '410100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '郑交罚〔2026〕101号',
  sourceRecordId: 'zz-101',
  payloadJson: JSON.stringify(penaltyPayload),
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
    expect(valid.catalogueVersion).toBe(1);
  });

  it('checks the payload against the type schema of the catalogue in force', () => {
    const { fineAmountFen: _dropped, ...withoutFine } = penaltyPayload;
    expect(violationsOf({ ...good, payloadJson: JSON.stringify({ ...withoutFine, colour: 'red' }) })).toEqual(
      expect.arrayContaining([
        { field: 'payload.colour', code: 'UNKNOWN_FIELD' },
        { field: 'payload.fineAmountFen', code: 'SCHEMA_REQUIRED' },
      ]),
    );
  });

  it('refuses a subject kind or severity the record type does not take', () => {
    const licence = {
      recordType: 'administrative-licence',
      payloadJson: JSON.stringify({
        licenceCategory: 'ordinary',
        content: '许可',
        validFrom: '2026-01-01',
        validUntil: '2027-01-01',
        authority: '河南省交通运输厅',
        authorityUscc: '114100000052519881',
      }),
    };
    const codes = violationsOf({ ...good, ...licence, severity: 'severe' }).map((v) => v.code);
    expect(codes).toContain('SEVERITY_NOT_ALLOWED');
  });

  it('names the field and reason for a USCC with a wrong check character', () => {
    expect(violationsOf({ ...good, subject: { ...good.subject!, id: '91350100M000100Y44' } })).toEqual([{ field: 'subject.id', code: 'USCC_CHECK_CHARACTER' }]);
  });

  it('collects every violation at once', () => {
    const fields = new Set(
      violationsOf({ ...good, region: '99', severity: 'awful', decisionDate: '2026-13-01', documentNumber: ' ', payloadJson: '[1]' }).map((v) => v.field),
    );
    expect([...fields].filter((f) => !f.startsWith('payload.')).sort()).toEqual(['decisionDate', 'documentNumber', 'payload', 'region', 'severity']);
  });

  it('refuses a decision dated in the future', () => {
    expect(violationsOf({ ...good, decisionDate: '2026-11-22' })).toEqual([{ field: 'decisionDate', code: 'FUTURE_DATE' }]);
  });

  it('refuses a NUL character (which PostgreSQL cannot store) in any field or in the payload, naming each', () => {
    expect(violationsOf({ ...good, documentNumber: '郑交罚\u0000101号', subject: { ...good.subject!, name: 'a\u0000b' } })).toEqual([
      { field: 'subject.name', code: 'NUL_CHARACTER' },
      { field: 'documentNumber', code: 'NUL_CHARACTER' },
    ]);
    expect(violationsOf({ ...good, payloadJson: JSON.stringify({ ...penaltyPayload, facts: 'x\u0000' }) })).toContainEqual({
      field: 'payload.facts',
      code: 'NUL_CHARACTER',
    });
  });

  it('refuses an unknown record type with its own code', () => {
    expect(() => validateSubmission({ ...good, recordType: 'parking-ticket' }, today)).toThrow(expect.objectContaining({ code: 'RECORD.UNKNOWN_TYPE' }));
  });
});
