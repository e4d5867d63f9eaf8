import { randomBytes } from 'node:crypto';
import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday, makeUscc } from '@platform/testing';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Seed 004 杭州 and DOMAIN.md §4 (双随机、一公开): Hangzhou grades its road transport operators
 * AA/A/B/C/D and draws them for inspection by grade — AA 10 %, A 15 %, B 20 %, C 25 %, D 30 % —
 * then draws again among the C and D operators not drawn the first time, C 30 % and D 70 %.
 * Played through the gateway with Hangzhou's clients: operators registered, last year's records
 * in, last year's cycle closed by the city's regulator, then the draw.
 *
 * Grades from the scheme's placeholder bands (base 100; penalty minor −5, general −10, severe −20;
 * AA ≥ 90, A 80–<90, B 70–<80, C 60–<70, D < 60). Drawn counts from the plan's published rule,
 * count = ceil(n × ratio / 100) per grade, the second draw over the grade's undrawn subjects.
 */
describe('seed 004 杭州: Hangzhou operators graded AA–D, drawn for inspection by grade in two draws', () => {
  let platform: RunningPlatform;
  let hangzhou: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [hangzhou, regulator] = await Promise.all([platform.token('hangzhou'), platform.token('hangzhou-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => hangzhou,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const HANGZHOU_BUREAU_USCC = (() => {
    const first17 = '11330100MB0012345';
    return first17 + usccCheckCharacter(first17);
  })();

  const penalty = (uscc: string, severity: string) => ({
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: uscc, name: '杭州某运输有限公司' },
    region: '330100',
    severity,
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `杭交执罚${randomBytes(3).toString('hex')}`,
    payload: {
      facts: '未按规定维护和检测运输车辆',
      penaltyCategories: ['fine'],
      penaltyBasis: '《道路货物运输及站场管理规定》第六十九条',
      penaltyContent: '罚款人民币贰仟元',
      fineAmountFen: 200_000,
      authority: '杭州市交通运输局',
      authorityUscc: HANGZHOU_BUREAU_USCC,
    },
  });

  const commendation = (uscc: string) => ({
    recordType: 'commendation',
    subject: { kind: 'org', id: uscc, name: '杭州某运输有限公司' },
    region: '330100',
    severity: 'minor',
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `杭交表${randomBytes(3).toString('hex')}`,
    payload: { title: '诚信经营示范企业', awardingBody: '杭州市交通运输局', level: 'city' },
  });

  // The records that take 100 to each grade: AA none (100); A severe (80); B severe + general (70);
  // C two severe (60); D two severe + minor (55).
  const RECORDS: Record<string, string[]> = { AA: [], A: ['severe'], B: ['severe', 'general'], C: ['severe', 'severe'], D: ['severe', 'severe', 'minor'] };
  const POOL: Record<string, number> = { AA: 10, A: 7, B: 5, C: 10, D: 10 };

  it('grades 42 operators and draws them: AA 1 of 10, A 2 of 7, B 1 of 5, C 3 + 3 of 10, D 3 + 5 of 10', async () => {
    const operators: { uscc: string; grade: string }[] = [];
    for (const [grade, count] of Object.entries(POOL)) {
      for (let i = 0; i < count; i += 1) operators.push({ uscc: makeUscc('330100'), grade });
    }
    for (const { uscc } of operators) {
      const registered = await api(`/api/v1/registry/enterprises/${uscc}`, {
        method: 'PUT',
        body: { name: '杭州某运输有限公司', region: '330100', declaredSectors: ['general-cargo'], registeredOn: '2015-01-01' },
      });
      expect([200, 201]).toContain(registered.status);
    }
    for (const { uscc, grade } of operators) {
      // An AA operator's record is a city commendation (no points under the scheme): evaluation learns of it all the same.
      if (grade === 'AA') expect((await api('/api/v1/credit-records', { method: 'POST', body: commendation(uscc) })).status).toBe(201);
      for (const severity of RECORDS[grade]) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: penalty(uscc, severity) });
        expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
      }
    }

    // Evaluation must hold every registration and record before last year's cycle is closed.
    const ids = operators.map((o) => o.uscc);
    const held = await eventually(
      () =>
        Promise.all([
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.registry_subjects WHERE subject_id = ANY($1)`, [ids]),
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE subject_id = ANY($1)`, [ids]),
        ]).then(([r, s]) => [(r[0] as { n: number }).n, (s[0] as { n: number }).n]),
      ([registered, records]) => registered === 42 && records === 77,
      30_000,
    );
    // 42 operators; 10 commendations (AA) + 7 + 10 + 20 + 30 penalties.
    expect(held).toEqual([42, 77]);
    const { closed, ranked } = await closeCycle(platform, regulator, 'hangzhou-road-transport', lastYear, 60_000);
    expect(closed.body).toMatchObject({ schemeId: 'hangzhou-road-transport', period: lastYear, status: 'completed', distribution: POOL });
    for (const { uscc, grade } of operators) expect([uscc, ranked.get(uscc)?.grade]).toEqual([uscc, grade]);

    // The draw, once joint measures holds the 42 closed-cycle grades.
    type Draw = {
      planId: string;
      schemeId: string;
      seed: number;
      pool: { subjectId: string; grade: string }[];
      drawn: { subjectId: string; grade: string; round: string }[];
      byGrade: { grade: string; pool: number; drawn: number }[];
    };
    const draw = (seed: number) => api('/api/v1/inspections/draws', { method: 'POST', body: { pool: { region: '330100', sector: 'general-cargo' }, seed } });
    const first = await eventually(
      () => draw(20261206),
      (r) => (r.status === 201 || r.status === 200 ? (r.body as unknown as Draw).pool.length === 42 : false),
      30_000,
    );
    expect([200, 201]).toContain(first.status);
    const result = first.body as unknown as Draw;
    expect(result).toMatchObject({ planId: 'hangzhou.road-transport', schemeId: 'hangzhou-road-transport', seed: 20261206 });
    // First draw: ceil(10 × 10 %) = 1, ceil(7 × 15 %) = 2, ceil(5 × 20 %) = 1, ceil(10 × 25 %) = 3, ceil(10 × 30 %) = 3.
    // Second draw among the undrawn: C ceil(7 × 30 %) = 3, D ceil(7 × 70 %) = 5.
    const count = (round: string, grade: string) => result.drawn.filter((d) => d.round === round && d.grade === grade).length;
    expect(['AA', 'A', 'B', 'C', 'D'].map((g) => [g, count('first', g), count('second', g)])).toEqual([
      ['AA', 1, 0],
      ['A', 2, 0],
      ['B', 1, 0],
      ['C', 3, 3],
      ['D', 3, 5],
    ]);
    expect(result.byGrade).toEqual([
      { grade: 'AA', pool: 10, drawn: 1 },
      { grade: 'A', pool: 7, drawn: 2 },
      { grade: 'B', pool: 5, drawn: 1 },
      { grade: 'C', pool: 10, drawn: 6 },
      { grade: 'D', pool: 10, drawn: 8 },
    ]);
    // Nobody is drawn twice, and each drawn operator carries its own grade.
    expect(new Set(result.drawn.map((d) => d.subjectId)).size).toBe(result.drawn.length);
    for (const d of result.drawn) expect(d.grade).toBe(ranked.get(d.subjectId)?.grade);

    // 一公开: the same seed over the same pool draws the same operators.
    const again = (await draw(20261206)).body as unknown as Draw;
    expect(again.drawn).toEqual(result.drawn);
  }, 180_000);
});
