import { recordAcceptanceOf, recognitionAgreementsSchema } from './domain/recognition-agreement';
import { SHIPPED_AGREEMENTS } from './domain/shipped-agreements';
import { toPartnerSubmission } from './partner-record.mapper';
import type { PushPartnerRecordDto } from './partner-record.dto';

// USCC positions 3–8 are the registering region (GB 32100, DOMAIN.md §1).
const hubeiCarrier = { kind: 'org', id: '914201001234567890', name: '武汉某运输有限公司' };
const henanCarrier = { kind: 'org', id: '914101001234567890', name: '郑州某运输有限公司' };
const body = (subject = hubeiCarrier): PushPartnerRecordDto => ({
  recordType: 'administrative-penalty',
  subject,
  region: '420100',
  severity: 'general',
  decisionDate: '2026-11-02',
  documentNumber: '鄂交罚〔2026〕7号',
  payload: { facts: '超限运输' },
  provenance: { partnerRegion: '420000', sourceReference: 'HB-7' },
});

describe('partner record pushes under the recognition agreement (issue 20 item 3, ADR 0069)', () => {
  it('accepts Hubei’s record about a Hubei carrier (the shipped agreement: records about subjects registered in Hubei)', () => {
    expect(recordAcceptanceOf(SHIPPED_AGREEMENTS, '420000', hubeiCarrier)).toEqual({ accepted: true, agreement: 'hubei-demo' });
  });

  it('refuses Hubei’s record about a Henan company, a partner whose agreement names no records, and a partner without one', () => {
    expect(recordAcceptanceOf(SHIPPED_AGREEMENTS, '420000', henanCarrier)).toMatchObject({
      accepted: false,
      reason: expect.stringMatching(/registered in 420000/),
    });
    // Seed 004: the Jiangsu cities share key-watch lists, not records.
    expect(recordAcceptanceOf(SHIPPED_AGREEMENTS, '320500', { kind: 'org', id: '913205001234567890' })).toMatchObject({
      accepted: false,
      agreement: 'suzhou-key-watch',
    });
    expect(recordAcceptanceOf(SHIPPED_AGREEMENTS, '430000', hubeiCarrier)).toMatchObject({ accepted: false, agreement: '' });
  });

  it('accepts any subject when the agreement says so', () => {
    const agreements = recognitionAgreementsSchema.parse([{ ...SHIPPED_AGREEMENTS[0], records: { subjects: 'any' } }]);
    expect(recordAcceptanceOf(agreements, '420000', henanCarrier)).toEqual({ accepted: true, agreement: 'hubei-demo' });
  });

  it('refuses an unknown records term at load', () => {
    expect(recognitionAgreementsSchema.safeParse([{ ...SHIPPED_AGREEMENTS[0], records: { subjects: 'ours' } }]).success).toBe(false);
  });

  it('maps an accepted push to the one submission request with its provenance and no caller ids of its own', () => {
    const request = toPartnerSubmission(body(), { accepted: true, agreement: 'hubei-demo' });
    expect(request).toMatchObject({
      recordType: 'administrative-penalty',
      subject: hubeiCarrier,
      region: '420100',
      sourceRecordId: '',
      idempotencyKey: '',
      payloadJson: JSON.stringify({ facts: '超限运输' }),
      partner: { region: '420000', sourceReference: 'HB-7', agreement: 'hubei-demo' },
    });
  });

  it('refuses a push outside the agreement: 422 EXCHANGE.OUTSIDE_AGREEMENT on subject.id, nothing sent', () => {
    expect(() => toPartnerSubmission(body(henanCarrier), recordAcceptanceOf(SHIPPED_AGREEMENTS, '420000', henanCarrier))).toThrow(
      expect.objectContaining({ code: 'EXCHANGE.OUTSIDE_AGREEMENT', kind: 'precondition', violations: [expect.objectContaining({ field: 'subject.id' })] }),
    );
  });
});
