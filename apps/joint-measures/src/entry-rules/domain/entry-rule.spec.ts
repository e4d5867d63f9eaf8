import { DomainError } from '@platform/errors';
import { schemeCatalogue } from '../../configuration/domain/config-problem';
import {
  checkEntryRules,
  evaluateFleetRule,
  evaluateRecordRule,
  matchesRecord,
  parseEntryRules,
  type EntryRule,
  type FleetShareRule,
  type RecordCountRule,
  type StandingRecord,
} from './entry-rule';
import { evaluateGradeRule } from './grade-rule';
import { SHIPPED_ENTRY_RULES } from './shipped-entry-rules';

const noSchemes = schemeCatalogue([]);
/** Nanyang's driver grades as evaluation announces them (shipped-schemes.ts NANYANG_DRIVER_GRADES: ladder AAA-B). */
const nanyang = schemeCatalogue([
  { schemeId: 'nanyang-driver-grades', version: 1, ladderId: 'AAA-B', grades: ['AAA', 'AA', 'A', 'B'], sectors: [], regions: ['411300'] },
]);
const problemsOf = (rules: unknown[], schemes = noSchemes) => checkEntryRules(rules as EntryRule[], schemes).flatMap((r) => r.problems);
const rule = (id: string) => SHIPPED_ENTRY_RULES.find((r) => r.id === id)! as RecordCountRule;

let n = 0;
function overload(decisionDate: string, overrides: Partial<StandingRecord> = {}): StandingRecord {
  n += 1;
  return {
    recordId: `r-${String(n).padStart(4, '0')}`,
    recordType: 'administrative-penalty',
    subjectKind: 'vehicle',
    subjectId: '豫A12345:yellow',
    severity: 'general',
    decisionDate,
    payload: { violationType: '违法超限运输' },
    standing: true,
    ...overrides,
  };
}

describe('shipped entry rules', () => {
  it('are well formed and name only record types of the collection catalogue', () => {
    const rules = parseEntryRules(SHIPPED_ENTRY_RULES);
    expect(rules).toHaveLength(SHIPPED_ENTRY_RULES.length);
    expect(checkEntryRules(rules, noSchemes).flatMap((r) => r.problems.filter((p) => p.code !== 'UNKNOWN_SCHEME'))).toEqual([]);
  });

  describe('more than 3 overloads in 12 months (超过3次 is strictly more than 3)', () => {
    const overloads = rule('overload-more-than-3-in-12-months');

    it('does not fire on exactly 3', () => {
      const records = ['2026-01-05', '2026-03-05', '2026-06-05'].map((d) => overload(d));
      expect(evaluateRecordRule(overloads, records, '2026-11-21').met).toBe(false);
    });

    it('fires on the 4th inside the window and names the four as its basis', () => {
      const records = ['2026-01-05', '2026-03-05', '2026-06-05', '2026-11-20'].map((d) => overload(d));
      const outcome = evaluateRecordRule(overloads, records, '2026-11-21');
      expect(outcome.met).toBe(true);
      expect(outcome.basis.map((r) => r.decisionDate)).toEqual(['2026-01-05', '2026-03-05', '2026-06-05', '2026-11-20']);
    });

    it('counts 12 months back to the day after the same date a year earlier', () => {
      const records = ['2025-11-21', '2026-03-05', '2026-06-05', '2026-11-20'].map((d) => overload(d));
      expect(evaluateRecordRule(overloads, records, '2026-11-21').met).toBe(false);
      const inside = ['2025-11-22', '2026-03-05', '2026-06-05', '2026-11-20'].map((d) => overload(d));
      expect(evaluateRecordRule(overloads, inside, '2026-11-21').met).toBe(true);
    });

    it('ignores revoked records, other violations and carriers', () => {
      const records = [
        overload('2026-01-05'),
        overload('2026-02-05'),
        overload('2026-03-05'),
        overload('2026-04-05', { standing: false }),
        overload('2026-05-05', { payload: { violationType: '未取得道路运输经营许可' } }),
        overload('2026-06-05', { subjectKind: 'org' }),
      ];
      expect(evaluateRecordRule(overloads, records, '2026-11-21')).toMatchObject({ met: false });
    });
  });

  it('10 or more unrepaired penalties: fires on the 10th, whatever their age', () => {
    const penalties = rule('ten-or-more-unrepaired-penalties');
    const records = Array.from({ length: 9 }, (_, i) => overload(`20${10 + i}-01-01`, { subjectKind: 'org', payload: {} }));
    expect(evaluateRecordRule(penalties, records, '2026-11-21').met).toBe(false);
    expect(evaluateRecordRule(penalties, [...records, overload('2026-11-01', { subjectKind: 'org', payload: {} })], '2026-11-21').met).toBe(true);
  });

  it('false materials: one finding is enough', () => {
    const falseMaterials = rule('false-materials-in-permit-application');
    const finding = overload('2026-10-01', { recordType: 'oversize-transport-violation', subjectKind: 'org', payload: { violationType: 'false-materials' } });
    expect(evaluateRecordRule(falseMaterials, [finding], '2026-11-21').met).toBe(true);
    expect(evaluateRecordRule(falseMaterials, [{ ...finding, payload: { violationType: 'off-route' } }], '2026-11-21').met).toBe(false);
  });

  describe('bad-driver grade rules (behind the grade interface)', () => {
    const twoB = SHIPPED_ENTRY_RULES.find((r) => r.id === 'driver-two-consecutive-b-cycles')!;
    const points = SHIPPED_ENTRY_RULES.find((r) => r.id === 'driver-20-points-in-one-cycle')!;
    const cycle = (c: string, grade: string, pointsDeducted = 0) => ({ schemeId: 'nanyang-driver-grades', cycle: c, grade, pointsDeducted });

    it('two consecutive B cycles, but not B then A', () => {
      if (twoB.kind !== 'grade-history' || points.kind !== 'grade-history') throw new Error('shape');
      expect(evaluateGradeRule(twoB, [cycle('2024', 'A'), cycle('2025', 'B'), cycle('2026', 'B')]).met).toBe(true);
      expect(evaluateGradeRule(twoB, [cycle('2024', 'B'), cycle('2025', 'B'), cycle('2026', 'A')]).met).toBe(false);
      expect(evaluateGradeRule(twoB, [{ ...cycle('2025', 'B'), schemeId: 'other' }, cycle('2026', 'B')]).met).toBe(false);
    });

    it('20 points deducted in one cycle', () => {
      if (points.kind !== 'grade-history') throw new Error('shape');
      expect(evaluateGradeRule(points, [cycle('2026', 'A', 19)]).met).toBe(false);
      expect(evaluateGradeRule(points, [cycle('2026', 'B', 20)])).toEqual({ met: true, basis: [cycle('2026', 'B', 20)] });
    });
  });
});

describe('parseEntryRules and checkEntryRules', () => {
  it('names a rule counting an unknown record type as a dangling reference', () => {
    const bad = [{ ...SHIPPED_ENTRY_RULES[0], match: { recordType: 'parking-ticket' } }];
    expect(problemsOf(parseEntryRules(bad))).toEqual([
      { path: 'rules[0].match.recordType', reference: 'parking-ticket', code: 'UNKNOWN_RECORD_TYPE', reason: 'not a record type of the collection catalogue' },
    ]);
  });

  it('refuses ambiguous thresholds and an empty set (shape), names duplicate ids and unknown lists', () => {
    expect(() => parseEntryRules([{ ...SHIPPED_ENTRY_RULES[0], threshold: { moreThan: 3, atLeast: 4 } }])).toThrow(DomainError);
    expect(() => parseEntryRules([])).toThrow(DomainError);
    expect(problemsOf([SHIPPED_ENTRY_RULES[0], SHIPPED_ENTRY_RULES[0]])).toEqual([expect.objectContaining({ path: 'rules[1].id', code: 'DUPLICATE_ID' })]);
    expect(problemsOf([{ ...SHIPPED_ENTRY_RULES[0], listType: 'grey' }])).toEqual([
      expect.objectContaining({ path: 'rules[0].listType', reference: 'grey', code: 'UNKNOWN_LIST_TYPE' }),
    ]);
  });

  it('grade rules: pending while their scheme is not published; once it is, a grade off its ladder dangles', () => {
    const twoB = SHIPPED_ENTRY_RULES.find((r) => r.id === 'driver-two-consecutive-b-cycles')!;
    expect(checkEntryRules([twoB], noSchemes)[0]).toMatchObject({ status: 'pending', waitingFor: ['nanyang-driver-grades'] });
    expect(checkEntryRules([twoB], nanyang)[0]).toMatchObject({ status: 'active', problems: [] });
    const offLadder = { ...twoB, trigger: { consecutiveCycles: 2, grade: 'C' } } as EntryRule;
    expect(checkEntryRules([offLadder], nanyang)[0]).toMatchObject({
      status: 'invalid',
      problems: [{ path: 'rules[0].trigger.grade', reference: 'C', code: 'GRADE_NOT_ON_LADDER' }],
    });
  });
});

describe('payload conditions of a record match', () => {
  /** A ship safety inspection as the Taicang rule reads it (seed 003 “两年无安检滞留”: detention, not inspection). */
  const inspection = (payload: Record<string, unknown>): StandingRecord => ({
    recordId: 'r-inspection',
    recordType: 'ship-safety-inspection',
    subjectKind: 'vessel',
    subjectId: 'CN12345678901',
    severity: 'general',
    decisionDate: '2025-06-01',
    payload,
    standing: true,
  });
  const detained = { recordType: 'ship-safety-inspection', payload: { detained: { is: true } } };
  const fieldsOf = (match: unknown) => {
    try {
      parseEntryRules([{ ...SHIPPED_ENTRY_RULES[0], match }]);
      return [];
    } catch (e) {
      return (e as DomainError).violations.map((v) => v.field);
    }
  };

  it('`is` matches a yes/no field of exactly that value', () => {
    expect(matchesRecord(detained, inspection({ defects: 6, detained: true }))).toBe(true);
    expect(matchesRecord(detained, inspection({ defects: 6, detained: false }))).toBe(false);
    expect(matchesRecord({ ...detained, payload: { detained: { is: false } } }, inspection({ defects: 0, detained: false }))).toBe(true);
  });

  it('`is` never coerces: a missing field is not false, a text "true" is not true', () => {
    expect(matchesRecord({ ...detained, payload: { detained: { is: false } } }, inspection({ defects: 0 }))).toBe(false);
    expect(matchesRecord(detained, inspection({ detained: 'true' }))).toBe(false);
    expect(matchesRecord(detained, inspection({ detained: 1 }))).toBe(false);
  });

  it('text conditions do not match a boolean, and all conditions must hold', () => {
    expect(matchesRecord({ recordType: 'ship-safety-inspection', payload: { detained: { anyOf: ['true'] } } }, inspection({ detained: true }))).toBe(false);
    const both = { recordType: 'ship-safety-inspection', payload: { detained: { is: true }, port: { includes: '太仓' } } };
    expect(matchesRecord(both, inspection({ detained: true, port: '太仓港' }))).toBe(true);
    expect(matchesRecord(both, inspection({ detained: true, port: '南京港' }))).toBe(false);
  });

  it('refuses a condition that is not a boolean `is`, a text `anyOf`/`includes`, naming the payload field', () => {
    expect(fieldsOf({ recordType: 'ship-safety-inspection', payload: { detained: { is: 'true' } } })).toEqual(['rules[0].match.payload.detained']);
    expect(fieldsOf({ recordType: 'ship-safety-inspection', payload: { detained: { is: true, anyOf: ['x'] } } })).toEqual(['rules[0].match.payload.detained']);
    expect(fieldsOf({ recordType: 'ship-safety-inspection', payload: { detained: {} } })).toEqual(['rules[0].match.payload.detained']);
    expect(fieldsOf(detained)).toEqual([]);
  });
});

describe('carrier with more than 10 % of its fleet violating in a year (fleet-share)', () => {
  const fleetRule = SHIPPED_ENTRY_RULES.find((r) => r.id === 'carrier-fleet-over-10-percent-overloading')! as FleetShareRule;
  let k = 0;
  const finding = (plate: string, decisionDate: string, violationType = 'overweight'): StandingRecord => {
    k += 1;
    return {
      recordId: `f-${String(k).padStart(4, '0')}`,
      recordType: 'oversize-transport-violation',
      subjectKind: 'org',
      subjectId: '91410100MA3X000109',
      severity: 'general',
      decisionDate,
      payload: { violationType, plate, plateColour: 'yellow' },
      standing: true,
    };
  };
  const suspension = (decisionDate: string): StandingRecord => ({
    recordId: `s-${decisionDate}`,
    recordType: 'administrative-penalty',
    subjectKind: 'org',
    subjectId: '91410100MA3X000109',
    severity: 'severe',
    decisionDate,
    payload: { violationType: '违法超限运输', penaltyCategories: ['fine', 'production-suspension'] },
    standing: true,
  });
  // 3 distinct vehicles (one of them twice) in the year.
  const findings = () => [
    finding('豫A10001', '2026-02-01'),
    finding('豫A10001', '2026-03-01'),
    finding('豫A10002', '2026-05-01'),
    finding('豫A10003', '2026-09-01'),
  ];

  it('fires when the violating vehicles are strictly more than 10 % of the fleet and a suspension order stands', () => {
    const outcome = evaluateFleetRule(fleetRule, [...findings(), suspension('2026-10-01')], 29, '2026-11-21');
    expect(outcome).toMatchObject({ met: true, vehicles: ['豫A10001:YELLOW', '豫A10002:YELLOW', '豫A10003:YELLOW'], fleetSize: 29 });
    expect(outcome.basis).toHaveLength(5);
  });

  it('does not fire at exactly 10 % ("超过" is strictly more), without a reported fleet, or without the suspension order', () => {
    expect(evaluateFleetRule(fleetRule, [...findings(), suspension('2026-10-01')], 30, '2026-11-21').met).toBe(false);
    expect(evaluateFleetRule(fleetRule, [...findings(), suspension('2026-10-01')], null, '2026-11-21').met).toBe(false);
    expect(evaluateFleetRule(fleetRule, findings(), 10, '2026-11-21').met).toBe(false);
  });

  it('counts only vehicle violations of the last 12 months (not false materials, not older findings)', () => {
    const records = [
      finding('豫A10001', '2025-11-01'),
      finding('豫A10002', '2026-05-01', 'false-materials'),
      finding('豫A10003', '2026-09-01'),
      suspension('2026-10-01'),
    ];
    expect(evaluateFleetRule(fleetRule, records, 5, '2026-11-21')).toMatchObject({ met: true, vehicles: ['豫A10003:YELLOW'] });
    expect(evaluateFleetRule(fleetRule, records, 10, '2026-11-21').met).toBe(false);
  });

  it('names a fleet rule whose further record type is unknown', () => {
    const bad = { ...fleetRule, alsoRequires: { recordType: 'parking-ticket' } };
    expect(problemsOf(parseEntryRules([bad]))).toEqual([expect.objectContaining({ path: 'rules[0].alsoRequires.recordType', reference: 'parking-ticket' })]);
  });
});
