import { DomainError } from '@platform/errors';
import { Catalogue } from '../../catalogue/domain/catalogue';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { PENALTY_PAYLOAD } from './penalty.fixture';
import { CorrectableRecord, correctRecord } from './record-correction';

const catalogue = new Catalogue(CATALOGUE_V1);
const today = '2026-11-21';
const record: CorrectableRecord = {
  recordType: 'administrative-penalty',
  subjectKind: 'org',
  subjectId: '91350100M000100Y43',
  subjectName: '郑州某某运输有限公司',
  region: '410100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '郑交罚〔2026〕101号',
  payload: { ...PENALTY_PAYLOAD },
};

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as DomainError).violations.map((v) => `${v.field}:${v.code}`);
  }
  return [];
}

describe('correcting a record', () => {
  it('applies the corrected fields, normalised, and says what changed', () => {
    const { submission, changes } = correctRecord(record, { severity: ' Minor ', documentNumber: '郑交罚〔2026〕102号 ' }, catalogue, today);
    expect(submission.severity).toBe('minor');
    expect(submission.documentNumber).toBe('郑交罚〔2026〕102号');
    expect(submission.payload).toEqual(record.payload);
    expect(changes).toEqual({ severity: { from: 'general', to: 'minor' }, documentNumber: { from: '郑交罚〔2026〕101号', to: '郑交罚〔2026〕102号' } });
  });

  it('validates the result against the catalogue like a new submission', () => {
    expect(codesOf(() => correctRecord(record, { decisionDate: '2026-12-01' }, catalogue, today))).toEqual(['decisionDate:FUTURE_DATE']);
    expect(
      codesOf(() => correctRecord(record, { payloadJson: JSON.stringify({ ...record.payload, penaltyCategories: ['nonsense'] }) }, catalogue, today))[0],
    ).toMatch(/^payload\.penaltyCategories/);
  });

  it('refuses a correction that changes nothing', () => {
    expect(codesOf(() => correctRecord(record, { severity: 'general' }, catalogue, today))).toEqual(['correction:NO_CHANGE']);
  });
});
