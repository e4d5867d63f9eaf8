import type { PermitIssuedV1 } from '@contracts';
import { Catalogue } from '../../catalogue/domain/catalogue';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { validateSubmission } from '../../records/domain/record-submission';
import { licenceSubmissionOf } from './record-permit-licence.handler';

const catalogue = new Catalogue(CATALOGUE_V1);
const issued: PermitIssuedV1 = {
  permitNo: '410000-2026-000007',
  applicationId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
  vehicle: { tractorPlate: '豫A12345', tractorPlateColour: 'yellow', trailerPlate: '豫A6789挂', trailerPlateColour: 'yellow' },
  permitClass: 'II',
  route: {
    segments: [
      {
        province: '410000',
        line: {
          type: 'LineString',
          coordinates: [
            [113.65, 34.76],
            [114.0, 32.1],
          ],
        },
      },
      {
        province: '420000',
        line: {
          type: 'LineString',
          coordinates: [
            [114.0, 32.1],
            [114.3, 30.6],
          ],
        },
      },
    ],
  },
  dimensions: { heightM: 4.5, widthM: 3.5, lengthM: 20, grossMassKg: 49_000 },
  validFrom: '2026-12-10T00:00:00+08:00',
  validUntil: '2026-12-12T23:59:59+08:00',
  trips: 'single',
  issuedBy: { region: '410000', authority: '河南省交通运输厅', authorityUscc: '11410000PH00000016' },
  // 17:00 UTC on 6 December is 01:00 on 7 December in Beijing: the decision date is Beijing's.
  issuedAt: '2026-12-06T17:00:00.000Z',
};

describe('an issued permit as an administrative-licence record (双公示, catalogue v1)', () => {
  it('is a valid 行政许可 record of the carrier, numbered by the permit, issued by the authority, valid over the window', () => {
    const valid = validateSubmission(licenceSubmissionOf(issued), catalogue, '2026-12-07');
    expect(valid.type.code).toBe('administrative-licence');
    expect(valid).toMatchObject({
      subject: { kind: 'org', id: issued.carrier.uscc, name: issued.carrier.name },
      region: '410000',
      decisionDate: '2026-12-07',
      documentNumber: issued.permitNo,
      sourceRecordId: issued.permitNo,
      payload: {
        // 《行政许可法》第十二条(一): a permit for a specific activity is an ordinary licence (普通许可).
        licenceCategory: 'ordinary',
        licenceName: '超限运输车辆通行证',
        licenceNumber: issued.permitNo,
        validFrom: '2026-12-10',
        validUntil: '2026-12-12',
        authority: '河南省交通运输厅',
        authorityUscc: '11410000PH00000016',
      },
    });
  });

  it('names the class, the trips and the route provinces, never the plates (the public verification masks them)', () => {
    const content = (validateSubmission(licenceSubmissionOf(issued), catalogue, '2026-12-07').payload as { content: string }).content;
    expect(content).toContain('II类');
    expect(content).toContain('单次');
    expect(content).toContain('410000、420000');
    expect(JSON.stringify(licenceSubmissionOf(issued))).not.toContain('豫A12345');
  });

  it('an empty authority USCC (the old stand-in) is rejected, not published', () => {
    const noUscc = { ...issued, issuedBy: { ...issued.issuedBy, authorityUscc: '' } };
    expect(() => validateSubmission(licenceSubmissionOf(noUscc), catalogue, '2026-12-07')).toThrow();
  });
});
