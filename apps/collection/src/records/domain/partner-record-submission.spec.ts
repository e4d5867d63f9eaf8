import { DomainError } from '@platform/errors';
import { Catalogue } from '../../catalogue/domain/catalogue';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { submissionRequestHash } from '../application/submission-request-hash';
import { assertMaySubmit } from '../application/submission-policy';
import { PENALTY_PAYLOAD } from './penalty.fixture';
import { RawSubmission, validateSubmission } from './record-submission';

const catalogue = new Catalogue(CATALOGUE_V1);
const today = '2026-11-21';
// A Hubei penalty pushed by the Hubei partner (issue 20 item 3, ADR 0069).
const pushed: RawSubmission = {
  recordType: 'administrative-penalty',
  subject: { kind: 'org', id: '91350100M000100Y43', name: '武汉某运输有限公司' },
  region: '420100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '鄂交罚〔2026〕7号',
  sourceRecordId: 'ignored',
  payloadJson: JSON.stringify(PENALTY_PAYLOAD),
  idempotencyKey: 'ignored-too',
  partner: { region: '420000', sourceReference: 'HB-7', agreement: 'hubei-demo' },
};
const hubei = { clientId: 'demo-partner-hubei', region: '420000', scopes: ['exchange:read', 'exchange:write'] } as never;

describe('a partner-pushed record (ADR 0069)', () => {
  it('keeps its provenance and takes its identity from the partner reference, never from the caller’s own ids', () => {
    const s = validateSubmission(pushed, catalogue, today);
    expect(s.partner).toEqual({ region: '420000', sourceReference: 'HB-7', agreement: 'hubei-demo' });
    expect(s.sourceRecordId).toBe('HB-7');
    expect(s.idempotencyKey).toBe('partner:HB-7');
  });

  it('is one of our own records when no provenance is sent (the existing path unchanged)', () => {
    const s = validateSubmission({ ...pushed, partner: undefined }, catalogue, today);
    expect(s).toMatchObject({ partner: null, sourceRecordId: 'ignored', idempotencyKey: 'ignored-too' });
  });

  it('refuses provenance without a reference or with a bad region, naming the field', () => {
    const violations = (raw: RawSubmission) => {
      try {
        validateSubmission(raw, catalogue, today);
      } catch (error) {
        return (error as DomainError).violations.map(({ field, code }) => ({ field, code }));
      }
      throw new Error('expected a validation error');
    };
    expect(violations({ ...pushed, partner: { region: '420000', sourceReference: ' ', agreement: '' } })).toContainEqual({
      field: 'partner.sourceReference',
      code: 'REQUIRED',
    });
    expect(violations({ ...pushed, partner: { region: '42', sourceReference: 'HB-7', agreement: '' } })).toContainEqual({
      field: 'partner.region',
      code: 'INVALID_REGION',
    });
  });

  it('hashes content so the same reference with other content differs, and our own records hash as before', () => {
    const first = submissionRequestHash(validateSubmission(pushed, catalogue, today));
    expect(submissionRequestHash(validateSubmission({ ...pushed }, catalogue, today))).toBe(first);
    expect(submissionRequestHash(validateSubmission({ ...pushed, severity: 'minor' }, catalogue, today))).not.toBe(first);
    const ours = validateSubmission({ ...pushed, partner: undefined }, catalogue, today);
    const oursWithNull = { ...ours, partner: null };
    expect(submissionRequestHash(oursWithNull)).toBe(submissionRequestHash(ours));
  });

  it('is submitted with exchange:write by the province it names only (EXCHANGE.PROVINCE_NOT_SENDER)', () => {
    expect(() => assertMaySubmit(hubei, validateSubmission(pushed, catalogue, today))).not.toThrow();
    const henan = { ...pushed, region: '410100', partner: { region: '410000', sourceReference: 'HB-8', agreement: '' } };
    expect(() => assertMaySubmit(hubei, validateSubmission(henan, catalogue, today))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE.PROVINCE_NOT_SENDER', kind: 'forbidden' }),
    );
    // Without provenance the partner client has no records scope: it cannot slip in a record of ours.
    expect(() => assertMaySubmit(hubei, validateSubmission({ ...pushed, partner: undefined }, catalogue, today))).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });
});

describe('a partner record held from its change feed: public facts only (ADR 0086)', () => {
  const fromFeed: RawSubmission = { ...pushed, payloadJson: '' };
  const rules = { publicFacts: { summary: '  超限运输  ' } };
  const fields = (raw: RawSubmission, summary = '超限运输') => {
    try {
      validateSubmission(raw, catalogue, today, { publicFacts: { summary } });
      return [];
    } catch (error) {
      return (error as DomainError).violations.map((v) => v.field);
    }
  };

  it('needs no payload (the catalogue’s payload rules are not applied) and carries the partner’s summary', () => {
    const s = validateSubmission(fromFeed, catalogue, today, rules);
    expect(s).toMatchObject({ payload: {}, publicSummary: '超限运输', sourceRecordId: 'HB-7' });
    // Without the public-facts rule the same submission lacks the penalty's required fields.
    expect(() => validateSubmission(fromFeed, catalogue, today)).toThrow(DomainError);
  });

  it('still checks the envelope as any record’s', () => {
    expect(fields({ ...fromFeed, severity: 'huge', decisionDate: '2027-01-01' })).toEqual(expect.arrayContaining(['severity', 'decisionDate']));
  });

  it('refuses a payload, a type that is never published and an over-long summary', () => {
    expect(fields(pushed)).toContain('payload');
    expect(fields({ ...fromFeed, recordType: 'accident' })).toContain('recordType');
    expect(fields(fromFeed, '事'.repeat(501))).toContain('summary');
  });
});
