import { effectiveFleet } from './record-facts';

/** ADR 0044: which fleet the fleet-share rule (交办公路〔2017〕8号) counts against. */
describe('effectiveFleet', () => {
  const report = { subjectId: 'C', vehicles: 40, asOf: '2026-01-01', source: '道路运输管理信息系统', reportedBy: 'zhengzhou' };

  it('a reported size wins over the registry count, however old the report', () => {
    expect(effectiveFleet('C', report, { vehicles: 20, asOf: '2026-12-01' })).toEqual({ ...report, origin: 'reported' });
  });

  it('without a report, the registry count of active freight vehicles', () => {
    expect(effectiveFleet('C', undefined, { vehicles: 20, asOf: '2026-12-01' })).toEqual({
      subjectId: 'C',
      vehicles: 20,
      asOf: '2026-12-01',
      source: '主体库登记在册货运车辆',
      reportedBy: 'registry',
      origin: 'registry',
    });
  });

  it('neither, or a registry with no vehicles: unknown (the rule cannot hold)', () => {
    expect(effectiveFleet('C', undefined, undefined)).toBeUndefined();
    expect(effectiveFleet('C', undefined, { vehicles: 0, asOf: '2026-12-01' })).toBeUndefined();
  });
});
