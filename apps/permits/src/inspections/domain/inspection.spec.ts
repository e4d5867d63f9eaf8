import { checkInspection, judgeInspection, MAX_FUTURE_SKEW_MS, type Inspection, type PermitUnderInspection } from './inspection';
import { inspectionEpisodeId, inspectionViolation } from './inspection-violation';
import { PLACEHOLDER_TOLERANCES } from './tolerances';

/*
 * Seed 000 (加强入口核查): "落实入口称重、出口核查机制，逐车检测验证，发现车证不符、大车小证、未按许可时间、
 * 路线行驶的，拒绝其上站通行并将信息共享至当地公安交管、交通执法部门依法处理。" Each of those is a mismatch;
 * DOMAIN.md §7: "a vehicle that does not match its permit (大车小证, wrong time or route) is refused and reported".
 */
describe('checkpoint inspection verdict', () => {
  const window = { validFrom: Date.parse('2026-12-10T00:00:00+08:00'), validUntil: Date.parse('2026-12-12T23:59:59.999+08:00') };
  const permit: PermitUnderInspection = {
    permitNo: '410000-2026-000001',
    carrier: { uscc: '91410100MA0000000X', name: '郑州大件运输有限公司' },
    tractorPlate: '豫A12345',
    trailerPlate: '豫A6789挂',
    axleCount: 6,
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
    ...window,
    checkpointOnRoute: true,
  };
  const inspection: Inspection = {
    permitNo: permit.permitNo,
    tractorPlate: '豫A12345',
    trailerPlate: '豫A6789挂',
    measured: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000, axleCount: 6 },
    checkpoint: { name: '郑州南超限检测站', region: '410100', kind: 'entry-weighing', longitude: 113.62, latitude: 34.75 },
    inspectedAt: Date.parse('2026-12-10T09:30:00+08:00'),
    foundBy: { name: '郑州市交通运输综合行政执法支队', uscc: '12410100MB0000000X' },
  };

  it('the permitted vehicle, as permitted, in its window, on its route: pass', () => {
    expect(judgeInspection(inspection, permit, PLACEHOLDER_TOLERANCES)).toEqual({ outcome: 'pass', mismatches: [] });
  });

  it('no permit: refused, and the violation is about the vehicle (no-permit)', () => {
    const verdict = judgeInspection({ ...inspection, permitNo: undefined }, undefined, PLACEHOLDER_TOLERANCES);
    expect(verdict.outcome).toBe('refuse');
    expect(verdict.mismatches.map((m) => m.kind)).toEqual(['no-permit']);
    const violation = inspectionViolation(inspection, undefined, verdict.mismatches, 'ci-x');
    expect(violation).toMatchObject({ subject: { kind: 'vehicle', id: '豫A12345' }, violationType: 'no-permit', detectedBy: 'entry-weighing' });
    expect(violation).not.toHaveProperty('permitNumber');
  });

  it('a permit revoked before the inspection is no permit; revoked after it, it still held', () => {
    const revoked = { ...permit, revokedAt: Date.parse('2026-12-10T08:00:00+08:00') };
    const verdict = judgeInspection(inspection, revoked, PLACEHOLDER_TOLERANCES);
    expect(verdict).toMatchObject({ outcome: 'refuse', mismatches: [{ kind: 'no-permit', field: 'permitNo', measured: permit.permitNo }] });
    const later = { ...permit, revokedAt: Date.parse('2026-12-10T10:00:00+08:00') };
    expect(judgeInspection(inspection, later, PLACEHOLDER_TOLERANCES).outcome).toBe('pass');
  });

  it('大车小证, outside the window, off the route and the wrong axle count: every mismatch at once', () => {
    const verdict = judgeInspection(
      {
        ...inspection,
        measured: { ...inspection.measured, heightM: 4.6, axleCount: 5 },
        inspectedAt: Date.parse('2026-12-13T08:00:00+08:00'),
      },
      { ...permit, checkpointOnRoute: false },
      PLACEHOLDER_TOLERANCES,
    );
    expect(verdict.mismatches.map((m) => [m.kind, m.field])).toEqual([
      ['wrong-vehicle', 'measured.axleCount'],
      ['oversize', 'measured.heightM'],
      ['outside-window', 'inspectedAt'],
      ['off-route', 'checkpoint'],
    ]);
  });

  it('a permit shown for another tractor: wrong vehicle (车证不符)', () => {
    const verdict = judgeInspection({ ...inspection, tractorPlate: '豫B54321' }, permit, PLACEHOLDER_TOLERANCES);
    expect(verdict.mismatches.map((m) => m.field)).toEqual(['tractorPlate']);
  });

  it('only the mass beyond: an overweight violation about the carrier, by the kind of checkpoint', () => {
    const heavy = {
      ...inspection,
      measured: { ...inspection.measured, grossMassKg: 56000 },
      checkpoint: { ...inspection.checkpoint, kind: 'roadside' as const },
    };
    const verdict = judgeInspection(heavy, permit, PLACEHOLDER_TOLERANCES);
    expect(inspectionViolation(heavy, permit, verdict.mismatches, inspectionEpisodeId(heavy))).toMatchObject({
      subject: { kind: 'org', id: permit.carrier.uscc },
      permitNumber: permit.permitNo,
      violationType: 'overweight',
      detectedBy: 'roadside-inspection',
      region: '410100',
    });
  });

  it('the same inspection sent twice is the same episode; another time is another', () => {
    expect(inspectionEpisodeId(inspection)).toBe(inspectionEpisodeId({ ...inspection }));
    expect(inspectionEpisodeId({ ...inspection, inspectedAt: inspection.inspectedAt + 1000 })).not.toBe(inspectionEpisodeId(inspection));
  });

  describe('bad input: every invalid field named', () => {
    const now = Date.parse('2026-12-10T10:00:00+08:00');
    const raw = { ...inspection, inspectedAt: '2026-12-10T09:30:00+08:00' };
    const fields = (change: Partial<typeof raw>) => checkInspection({ ...raw, ...change }, now).map((v) => v.field);

    it('valid input has no violations', () => expect(fields({})).toEqual([]));
    it('zero and negative dimensions', () =>
      expect(fields({ measured: { ...raw.measured, heightM: 0, widthM: -3.5 } })).toEqual(['measured.heightM', 'measured.widthM']));
    it('centimetres given as metres (a 420 m high vehicle)', () =>
      expect(fields({ measured: { ...raw.measured, heightM: 420 } })).toEqual(['measured.heightM']));
    it('a time in the future (beyond the clock skew allowed)', () => {
      expect(fields({ inspectedAt: new Date(now + MAX_FUTURE_SKEW_MS + 60_000).toISOString() })).toEqual(['inspectedAt']);
      expect(fields({ inspectedAt: '2026-12-10T09:30:00' })).toEqual(['inspectedAt']);
    });
    it('an unknown checkpoint kind and region', () =>
      expect(fields({ checkpoint: { ...raw.checkpoint, kind: 'toll' as never, region: '999999' } })).toEqual(['checkpoint.region', 'checkpoint.kind']));
  });
});
