import { compileScheme, CompiledScheme } from './compile-scheme';
import { EvaluationInput, evaluateSubject, RecordFact, SubjectFacts } from './evaluate';
import type { SchemeDocument } from './scheme-document';
import { HENAN_PASSENGER_HAZARDOUS_CODES, JIANGSU_ROAD_OPERATOR_GRADES, NANYANG_DRIVER_GRADES, ZHENGZHOU_TAXI_DRIVER_STARS } from './shipped-schemes';

/*
 * Golden tests: every expected score and grade below was computed by hand from the rule text
 * cited above each block, not by running the engine. Evaluation instant: 2026-11-21 noon,
 * China time, so the year cycle is 2026 and the quarter is 2026-Q4 (Oct–Dec).
 */
const AT = new Date('2026-11-21T12:00:00+08:00');

function compiled(document: SchemeDocument): CompiledScheme {
  const result = compileScheme(structuredClone(document));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

let sequence = 0;
function record(type: string, severity: string, overrides: Partial<RecordFact> = {}): RecordFact {
  sequence += 1;
  return {
    id: `r${String(sequence).padStart(4, '0')}`,
    type,
    severity,
    decisionDate: '2026-11-02',
    payload: {},
    receivedAt: '2026-11-03T09:00:00+08:00',
    ...overrides,
  };
}

const times = (n: number, make: () => RecordFact) => Array.from({ length: n }, make);

type Extra = Partial<Omit<EvaluationInput, 'subject'>> & { subject?: Partial<SubjectFacts> };

function grade(scheme: CompiledScheme, records: RecordFact[], extra: Extra = {}) {
  const { subject, ...rest } = extra;
  return evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'person', region: '410100', lists: [], registeredOn: '2020-01-01', ...subject },
    records,
    at: AT,
    ...rest,
  });
}

const scoreAndGrade = (result: { score: number; grade: string }) => ({ score: result.score, grade: result.grade });

describe('Zhengzhou taxi driver stars', () => {
  // Source: 交运规〔2022〕2号 (base 20, bonus ≤ 10, floor 0) and seed 002 郑州 (≥25 → 5★, 20–24 → 4★,
  // 11–19 → 3★, 4–10 → 2★, 1–3 → 1★, ≤0 or bad-driver list → no star; <6 months → ≤3★; 5★ carry-over).
  const scheme = compiled(ZHENGZHOU_TAXI_DRIVER_STARS);

  it('a clean driver keeps the base 20 points: 4 stars', () => {
    expect(scoreAndGrade(grade(scheme, []))).toEqual({ score: 20, grade: '4' });
  });

  it('20 − 3 (general complaint) − 10 (severe penalty) = 7: 2 stars, each deduction explained', () => {
    const complaint = record('confirmed-complaint', 'general');
    const penalty = record('administrative-penalty', 'severe');
    const result = grade(scheme, [complaint, penalty]);
    expect(scoreAndGrade(result)).toEqual({ score: 7, grade: '2' });
    expect(result.explanation.items.map((i) => [i.ruleId, i.recordId, i.points])).toEqual([
      ['complaint', complaint.id, -3],
      ['penalty', penalty.id, -10],
    ]);
    expect(result.explanation.ladder).toEqual({ grade: '2', band: '[4, 11)' });
  });

  it('three provincial commendations (+15) are held to the +10 bonus ceiling: 30, 5 stars', () => {
    const result = grade(
      scheme,
      times(3, () => record('commendation', 'minor', { payload: { level: 'provincial' } })),
    );
    expect(scoreAndGrade(result)).toEqual({ score: 30, grade: '5' });
    expect(result.explanation.items.at(-1)).toMatchObject({ ruleId: 'bonus-ceiling', points: -5 });
  });

  it('never below 0: 20 − 20 (responsible accident) − 10 (severe penalty) = −10 → 0, no star', () => {
    const result = grade(scheme, [record('accident', 'general', { payload: { responsibility: 'main' } }), record('administrative-penalty', 'severe')]);
    expect(scoreAndGrade(result)).toEqual({ score: 0, grade: '0' });
    expect(result.explanation.items.at(-1)).toMatchObject({ ruleId: 'floor', points: 10 });
  });

  it('an accident without responsibility deducts nothing', () => {
    expect(scoreAndGrade(grade(scheme, [record('accident', 'general', { payload: { responsibility: 'none' } })]))).toEqual({ score: 20, grade: '4' });
  });

  it('registered 3 months ago: 30 points would be 5 stars, capped at 3', () => {
    const result = grade(
      scheme,
      times(2, () => record('commendation', 'minor', { payload: { level: 'national' } })),
      { subject: { registeredOn: '2026-08-15' } },
    );
    expect(scoreAndGrade(result)).toEqual({ score: 30, grade: '3' });
    expect(result.explanation.adjustments).toEqual([expect.objectContaining({ id: 'tenure-cap', from: '5', to: '3' })]);
  });

  it('on the bad-driver list: no star whatever the score', () => {
    expect(grade(scheme, [], { subject: { lists: ['bad-driver'] } }).grade).toBe('0');
  });

  it('5 stars last cycle and nothing deducted: starts at 5 stars with 20 points', () => {
    const result = grade(scheme, [], { previous: { grade: '5', score: 27 } });
    expect(scoreAndGrade(result)).toEqual({ score: 20, grade: '5' });
    expect(result.explanation.adjustments).toEqual([expect.objectContaining({ id: 'carry-over-five-stars', from: '4', to: '5' })]);
  });

  it('5 stars last cycle but a minor complaint this cycle (20 − 1 = 19): drops to 3 stars', () => {
    expect(scoreAndGrade(grade(scheme, [record('confirmed-complaint', 'minor')], { previous: { grade: '5', score: 27 } }))).toEqual({ score: 19, grade: '3' });
  });

  it('counts only this cycle (1 Jan–31 Dec): last year’s penalty is ignored', () => {
    expect(grade(scheme, [record('administrative-penalty', 'severe', { decisionDate: '2025-12-31' })]).score).toBe(20);
  });

  it('a revoked record stops counting from its revocation, and counts as of before it', () => {
    const revoked = record('administrative-penalty', 'severe', { withdrawnAt: '2026-11-10T10:00:00+08:00' });
    expect(grade(scheme, [revoked]).score).toBe(20);
    expect(grade(scheme, [revoked], { at: new Date('2026-11-05T00:00:00+08:00') }).score).toBe(10);
    expect(grade(scheme, [revoked], { at: new Date('2026-11-01T00:00:00+08:00') }).score).toBe(20);
  });
});

describe('Henan two-passenger-one-hazardous red/yellow/green codes', () => {
  // Source: seed 002 案例1 (quarterly red/yellow/green), 案例4 (1000-point scale), 案例8 (below 800
  // inspected → red); item deductions as the scheme's rules state them.
  const scheme = compiled(HENAN_PASSENGER_HAZARDOUS_CODES);
  const org = { subject: { kind: 'org' as const, region: '410100' } };

  it('a clean carrier: 1000, green', () => {
    expect(scoreAndGrade(grade(scheme, [], org))).toEqual({ score: 1000, grade: 'green' });
  });

  it('1000 − 2×20 (severe alarms) − 30 (general penalty) − 50 (broken commitment) = 880: yellow', () => {
    const records = [
      ...times(2, () => record('monitoring-violation', 'severe')),
      record('administrative-penalty', 'general'),
      record('commitment-broken', 'general'),
    ];
    expect(scoreAndGrade(grade(scheme, records, org))).toEqual({ score: 880, grade: 'yellow' });
  });

  it('20 severe alarms would deduct 400; the item stops at its 300 cap: 700, red', () => {
    const result = grade(
      scheme,
      times(20, () => record('monitoring-violation', 'severe')),
      org,
    );
    expect(scoreAndGrade(result)).toEqual({ score: 700, grade: 'red' });
    expect(result.explanation.items.filter((i) => i.points === 0)).toHaveLength(5);
    expect(result.explanation.items[15]?.note).toBe('rule cap 300 reached: -20 counted as 0');
  });

  it('the quarter is the cycle: a penalty of 30 September does not count in Q4', () => {
    const result = grade(scheme, [record('administrative-penalty', 'severe', { decisionDate: '2026-09-30' })], org);
    expect(result.cycle).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(result.score).toBe(1000);
  });
});

describe('Jiangsu road operators AA–D', () => {
  // Source: DOMAIN.md §3 Jiangsu: AA ≥ 90; A 80–<90; B 60–<80, or 40–<60 with bad-behaviour
  // points < 20; C 40–<60 with ≥ 20; D < 40.
  const scheme = compiled(JIANGSU_ROAD_OPERATOR_GRADES);
  const org = { subject: { kind: 'org' as const, region: '320100' } };

  it.each([
    ['no records: 100 → AA', [], 100, 'AA'],
    ['general + minor penalty: 100 − 10 − 5 = 85 → A', [record('administrative-penalty', 'general'), record('administrative-penalty', 'minor')], 85, 'A'],
    ['two severe penalties: 100 − 40 = 60 → B', times(2, () => record('administrative-penalty', 'severe')), 60, 'B'],
    [
      '50 with 10 bad-behaviour points (general penalty −10, 4 severe complaints −40) → B',
      [record('administrative-penalty', 'general'), ...times(4, () => record('confirmed-complaint', 'severe'))],
      50,
      'B',
    ],
    [
      '50 with 20 bad-behaviour points (severe penalty −20, 3 severe complaints −30) → C',
      [record('administrative-penalty', 'severe'), ...times(3, () => record('confirmed-complaint', 'severe'))],
      50,
      'C',
    ],
    [
      'three severe penalties and a severe complaint: 100 − 60 − 10 = 30 → D',
      [...times(3, () => record('administrative-penalty', 'severe')), record('confirmed-complaint', 'severe')],
      30,
      'D',
    ],
  ])('%s', (_case, records, score, expected) => {
    expect(scoreAndGrade(grade(scheme, records as RecordFact[], org))).toEqual({ score, grade: expected });
  });

  it('explains the conditional band and the tally it read', () => {
    const result = grade(scheme, [record('administrative-penalty', 'general'), ...times(4, () => record('confirmed-complaint', 'severe'))], org);
    expect(result.explanation.tallies).toEqual({ 'bad-behaviour': 10 });
    expect(result.explanation.ladder).toEqual({ grade: 'B', band: '[40, 60)', condition: "tallies['bad-behaviour'] < 20.0" });
  });
});

describe('Nanyang drivers 3A/2A/A/B and the bad-driver trigger', () => {
  // Source: seed 000 南阳: grades 3A/2A/A/B; two consecutive B cycles, or 20 points deducted in
  // one cycle → bad-driver list. Base 20 (交运规〔2022〕2号).
  const scheme = compiled(NANYANG_DRIVER_GRADES);
  const nanyang = { subject: { region: '411300' } };

  it('a clean driver: 20 → AAA, no trigger', () => {
    const result = grade(scheme, [], nanyang);
    expect({ ...scoreAndGrade(result), triggers: result.triggers }).toEqual({ score: 20, grade: 'AAA', triggers: [] });
  });

  it('20 points deducted in one cycle (two severe violations): B and onto the bad-driver list', () => {
    const result = grade(
      scheme,
      times(2, () => record('monitoring-violation', 'severe')),
      nanyang,
    );
    expect(scoreAndGrade(result)).toEqual({ score: 0, grade: 'B' });
    expect(result.triggers.map((t) => t.id)).toEqual(['bad-driver-list']);
  });

  it('B for the second cycle running (20 − 10 − 1 − 1 = 8): onto the list; after an A cycle: not', () => {
    const records = [record('administrative-penalty', 'severe'), ...times(2, () => record('confirmed-complaint', 'minor'))];
    const afterB = grade(scheme, records, { ...nanyang, previous: { grade: 'B', score: 9 } });
    expect({ ...scoreAndGrade(afterB), triggers: afterB.triggers.map((t) => t.id) }).toEqual({ score: 8, grade: 'B', triggers: ['bad-driver-list'] });
    expect(grade(scheme, records, { ...nanyang, previous: { grade: 'A', score: 12 } }).triggers).toEqual([]);
  });

  it('20 − 5 = 15 → 2A', () => {
    expect(grade(scheme, [record('administrative-penalty', 'general')], nanyang).grade).toBe('AA');
  });
});
