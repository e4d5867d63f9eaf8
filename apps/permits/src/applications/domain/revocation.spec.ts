import { falseMaterialsViolation, revocationViolations } from './revocation';

describe('revoking a permit (issue 18 item 9)', () => {
  it('needs a reason, at most 500 characters', () => {
    expect(revocationViolations(undefined)).toEqual([{ field: 'reason', reason: 'required' }]);
    expect(revocationViolations('  ')).toEqual([{ field: 'reason', reason: 'required' }]);
    expect(revocationViolations('x'.repeat(501))).toEqual([{ field: 'reason', reason: 'at most 500 characters' }]);
    expect(revocationViolations('申请材料中的车辆行驶证系伪造')).toEqual([]);
  });

  it('false materials become a severe false-materials violation of the carrier, found in application review, one per permit', () => {
    // 62号令: 隐瞒有关情况或者提供虚假材料申请许可的，1年内不准申请; 交办公路〔2017〕8号: serious dishonesty → severe.
    const violation = falseMaterialsViolation({
      permitNo: '410000-2026-000007',
      region: '410100',
      carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
      tractorPlate: '豫A12345',
      plateColour: 'yellow',
      reason: '申请材料中的车辆行驶证系伪造',
      authority: { name: '河南省交通运输厅', uscc: '11410000PH00000016' },
      revokedAt: '2026-12-06T02:00:00.000Z',
    });
    expect(violation).toEqual({
      episodeId: 'false-materials-410000-2026-000007',
      subject: { kind: 'org', id: '91410100MA0000001X', name: '郑州大件运输有限公司' },
      region: '410100',
      severity: 'severe',
      violationType: 'false-materials',
      permitNumber: '410000-2026-000007',
      detectedAt: '2026-12-06T02:00:00.000Z',
      detectedBy: 'application-review',
      plate: '豫A12345',
      plateColour: 'yellow',
      description: '申请材料中的车辆行驶证系伪造',
      foundBy: { name: '河南省交通运输厅', uscc: '11410000PH00000016' },
    });
  });
});
