import type { PermitViolationDetectedV1 } from '@contracts';
import { Catalogue } from '../../catalogue/domain/catalogue';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { validateSubmission } from '../../records/domain/record-submission';
import { rawSubmissionOf } from './record-permit-violation.handler';

const catalogue = new Catalogue(CATALOGUE_V1);
const offRoute: PermitViolationDetectedV1 = {
  episodeId: 'rc-0123456789abcdef0123456789abcdef',
  subject: { kind: 'org', id: '91410100MA0000001X', name: '郑州大件运输有限公司' },
  region: '410000',
  severity: 'general',
  violationType: 'off-route',
  permitNumber: '豫超限2026-000123',
  // 23:30 UTC on 5 December is 07:30 on 6 December in Beijing: the record's date is Beijing's.
  detectedAt: '2026-12-05T23:30:00.000Z',
  detectedBy: 'trajectory-comparison',
  location: '113.050000,34.200000',
  plate: '豫A12345',
  plateColour: 'yellow',
  description: '车辆行驶轨迹偏离许可路线通行走廊',
  foundBy: { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' },
};

describe('a permit violation event as an oversize-transport-violation record (catalogue v1)', () => {
  it('is a valid record whose payload is the event fields, keyed by the episode, dated in Beijing time', () => {
    const valid = validateSubmission(rawSubmissionOf(offRoute), catalogue, '2026-12-06');
    expect(valid).toMatchObject({
      subject: offRoute.subject,
      region: '410000',
      severity: 'general',
      decisionDate: '2026-12-06',
      sourceRecordId: offRoute.episodeId,
      payload: { violationType: 'off-route', permitNumber: offRoute.permitNumber, detectedBy: 'trajectory-comparison', plate: '豫A12345' },
    });
    expect(valid.type.code).toBe('oversize-transport-violation');
  });

  it('takes a no-permit finding about a vehicle without a permit number', () => {
    const noPermit: PermitViolationDetectedV1 = {
      ...offRoute,
      violationType: 'no-permit',
      permitNumber: undefined,
      subject: { kind: 'vehicle', id: '豫C99999', name: '豫C99999' },
    };
    expect(validateSubmission(rawSubmissionOf(noPermit), catalogue, '2026-12-06').payload).not.toHaveProperty('permitNumber');
  });
});
