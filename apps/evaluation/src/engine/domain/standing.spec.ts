import { compileScheme, CompiledScheme } from './compile-scheme';
import { applicability, applicableRegion, countedFromDecision, previousCycleOf, ScopedRecordFact, standingAt, SubjectRegistration } from './standing';
import { HENAN_PASSENGER_HAZARDOUS_CODES, NANYANG_DRIVER_GRADES, ZHENGZHOU_TAXI_DRIVER_STARS } from './shipped-schemes';

const compiled = (document: typeof ZHENGZHOU_TAXI_DRIVER_STARS): CompiledScheme => {
  const result = compileScheme(structuredClone(document));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
};

const rec = (
  id: string,
  type: string,
  severity: string,
  decisionDate: string,
  receivedAt: string,
  region = '410105',
  payload: Record<string, unknown> = {},
): ScopedRecordFact => ({
  id,
  type,
  severity,
  decisionDate,
  payload,
  receivedAt,
  region,
});

const subject = { id: 'S', kind: 'person' as const, region: '410105', lists: [] };
const taxiDriver: SubjectRegistration = {
  region: '410105',
  sectors: ['taxi'],
  registeredOn: '2020-01-01',
  credit: { registered: false, committed: false, selfAssessed: false },
  active: true,
};

describe('standing', () => {
  it('applies a scheme by subject kind and the regions records were filed under', () => {
    const records = [
      rec('a', 'confirmed-complaint', 'minor', '2026-01-02', '2026-01-02T10:00:00+08:00', '410305'),
      rec('b', 'confirmed-complaint', 'minor', '2026-01-03', '2026-01-03T10:00:00+08:00'),
    ];
    expect(applicableRegion(ZHENGZHOU_TAXI_DRIVER_STARS, 'person', records, taxiDriver)).toBe('410105');
    expect(applicableRegion(ZHENGZHOU_TAXI_DRIVER_STARS, 'org', records, taxiDriver)).toBeUndefined();
    expect(applicableRegion(ZHENGZHOU_TAXI_DRIVER_STARS, 'person', records.slice(0, 1), taxiDriver)).toBeUndefined();
  });

  it('a sector-bound scheme grades only subjects the registry lists in one of its sectors (issue 16: Henan 两客一危, seed 002 案例1)', () => {
    const records = [rec('a', 'administrative-penalty', 'general', '2026-01-02', '2026-01-02T10:00:00+08:00', '410102')];
    const carrier = (sectors: string[]): SubjectRegistration => ({ ...taxiDriver, region: '410102', sectors });
    // 两客一危 = road passenger (两客) and hazardous goods (一危): an ordinary freight carrier is outside it.
    expect(applicability(HENAN_PASSENGER_HAZARDOUS_CODES, 'org', records, carrier(['general-cargo']))).toEqual({ applies: false, reason: 'sector-outside' });
    expect(applicability(HENAN_PASSENGER_HAZARDOUS_CODES, 'org', records, carrier(['general-cargo', 'hazardous-goods']))).toEqual({
      applies: true,
      region: '410102',
    });
    expect(applicability(HENAN_PASSENGER_HAZARDOUS_CODES, 'org', records, carrier(['road-passenger']))).toEqual({ applies: true, region: '410102' });
    // Not (yet) in the registry: never graded by a sector-bound scheme, and the reason says so.
    expect(applicability(HENAN_PASSENGER_HAZARDOUS_CODES, 'org', records, null)).toEqual({ applies: false, reason: 'sector-unknown' });
    // Region and kind are decided first, as before.
    expect(applicability(HENAN_PASSENGER_HAZARDOUS_CODES, 'org', [{ ...records[0]!, region: '320500' }], null)).toEqual({ applies: false, reason: 'region' });
    // A scheme without sectors grades every sector, registered or not.
    expect(applicability({ ...HENAN_PASSENGER_HAZARDOUS_CODES, sectors: [] }, 'org', records, null)).toEqual({ applies: true, region: '410102' });
  });

  it('grades the previous cycle from the history as it stood then (Zhengzhou 5-star carry-over)', () => {
    // 2025: 20 + 5 + 5 (two provincial commendations) = 30 → 5 stars. 2026: nothing yet → 20 → 4,
    // carried over to 5 because nothing is deducted (seed 002 郑州).
    const records = ['a', 'b'].map((id) => rec(id, 'commendation', 'minor', '2025-05-01', '2025-05-02T10:00:00+08:00', '410105', { level: 'provincial' }));
    const result = standingAt(compiled(ZHENGZHOU_TAXI_DRIVER_STARS), subject, records, new Date('2026-03-01T10:00:00+08:00'));
    expect({ score: result.score, grade: result.grade, adjustments: result.explanation.adjustments.map((a) => a.id) }).toEqual({
      score: 20,
      grade: '5',
      adjustments: ['carry-over-five-stars'],
    });
  });

  describe('the previous cycle as its close graded it (seed 002 郑州: 在上一个服务质量信誉考核周期内评定星级为5颗星的驾驶员，本周期星级评定为5颗星)', () => {
    const zhengzhou = compiled(ZHENGZHOU_TAXI_DRIVER_STARS);
    const march = new Date('2026-03-01T10:00:00+08:00');
    // 2025's records arrived in 2026 (after 2025 ended): the history as it stood at the end of 2025 knows none of them.
    const late = ['a', 'b'].map((id) => rec(id, 'commendation', 'minor', '2025-05-01', '2026-01-10T10:00:00+08:00', '410105', { level: 'provincial' }));
    const adjusted = (result: ReturnType<typeof standingAt>) => ({
      score: result.score,
      grade: result.grade,
      adjustments: result.explanation.adjustments.map((a) => a.id),
    });

    it('without a close, records that arrived after the previous cycle ended give no previous grade: no carry-over', () => {
      // 2026: nothing yet → base 20 → 4★ (20~24分 4颗星).
      expect(adjusted(standingAt(zhengzhou, subject, late, march))).toEqual({ score: 20, grade: '4', adjustments: [] });
    });

    it('a closed 5★ previous cycle carries over: 20 by score is 4★, starts at 5★', () => {
      expect(adjusted(standingAt(zhengzhou, subject, late, march, undefined, { grade: '5', score: 30 }))).toEqual({
        score: 20,
        grade: '5',
        adjustments: ['carry-over-five-stars'],
      });
    });

    it('the close wins over the history: closed at 4★, nothing carries over though the records would give 5★', () => {
      const onTime = ['a', 'b'].map((id) => rec(id, 'commendation', 'minor', '2025-05-01', '2025-05-02T10:00:00+08:00', '410105', { level: 'provincial' }));
      expect(adjusted(standingAt(zhengzhou, subject, onTime, march, undefined, { grade: '4', score: 24 }))).toEqual({ score: 20, grade: '4', adjustments: [] });
    });

    it('a close that graded no such subject (null) gives no previous grade', () => {
      const onTime = ['a', 'b'].map((id) => rec(id, 'commendation', 'minor', '2025-05-01', '2025-05-02T10:00:00+08:00', '410105', { level: 'provincial' }));
      expect(adjusted(standingAt(zhengzhou, subject, onTime, march, undefined, null))).toEqual({ score: 20, grade: '4', adjustments: [] });
    });

    it('a deduction this cycle lowers a carried 5★ (如遇服务质量问题可降级): 20 − 3 = 17 → 3★', () => {
      const complaint = rec('c', 'confirmed-complaint', 'general', '2026-02-01', '2026-02-02T10:00:00+08:00');
      expect(adjusted(standingAt(zhengzhou, subject, [...late, complaint], march, undefined, { grade: '5', score: 30 }))).toEqual({
        score: 17,
        grade: '3',
        adjustments: [],
      });
    });

    it('previousCycleOf names the cycle whose close counts: 2025 for March 2026, 2024 when closing 2025', () => {
      expect(previousCycleOf(zhengzhou, march).label).toBe('2025');
      expect(previousCycleOf(zhengzhou, march, { label: '2025', start: '2025-01-01', end: '2025-12-31' }).label).toBe('2024');
    });
  });

  it('triggers the bad-driver list on a second B cycle (Nanyang), from the history', () => {
    // 2025: 20 − 10 − 5 = 5 → B; 2026: 20 − 10 − 1 = 9 → B again (seed 000 南阳).
    const records = [
      rec('a', 'administrative-penalty', 'severe', '2025-04-01', '2025-04-02T10:00:00+08:00', '411302'),
      rec('b', 'administrative-penalty', 'general', '2025-05-01', '2025-05-02T10:00:00+08:00', '411302'),
      rec('c', 'administrative-penalty', 'severe', '2026-02-01', '2026-02-02T10:00:00+08:00', '411302'),
      rec('d', 'confirmed-complaint', 'minor', '2026-02-03', '2026-02-04T10:00:00+08:00', '411302'),
    ];
    const nanyang = compiled(NANYANG_DRIVER_GRADES as typeof ZHENGZHOU_TAXI_DRIVER_STARS);
    const result = standingAt(nanyang, { ...subject, region: '411302' }, records, new Date('2026-03-01T10:00:00+08:00'));
    expect({ score: result.score, grade: result.grade, triggers: result.triggers.map((t) => t.id) }).toEqual({
      score: 9,
      grade: 'B',
      triggers: ['bad-driver-list'],
    });
    // As of the end of 2025 the subject had one B cycle only: no trigger then.
    const then = standingAt(nanyang, { ...subject, region: '411302' }, records, new Date('2025-12-31T12:00:00+08:00'));
    expect({ grade: then.grade, triggers: then.triggers }).toEqual({ grade: 'B', triggers: [] });
  });
});

describe('countedFromDecision (issue 16: a record counts in the period of its decision date)', () => {
  it('takes a record received after its decision day as known from the start of that day, China time', () => {
    const late = { decisionDate: '2025-03-20', receivedAt: '2025-04-15T02:00:00.000Z' };
    expect(countedFromDecision([late])).toEqual([{ decisionDate: '2025-03-20', receivedAt: '2025-03-19T16:00:00.000Z' }]);
  });

  it('keeps the receipt time of a record received on or before its decision day', () => {
    const early = { decisionDate: '2025-03-20', receivedAt: '2025-03-19T15:00:00.000Z' };
    expect(countedFromDecision([early])).toEqual([early]);
  });
});
