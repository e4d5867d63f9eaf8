import { randomBytes } from 'node:crypto';
import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday, makeUscc } from '@platform/testing';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Seed 004 案例8 (山东, also seed 003) and DOMAIN.md §3, §4: Shandong grades its transport operators
 * AA/A/B/C/D; "未按要求开展信用注册、承诺、自评的，一律按照 C 级管理"; and "原则上每次活动检查安全生产信用
 * B 级及以下企业数量占该次检查企业总数的比例不低于 50%". Played through the gateway with Shandong's
 * clients: operators registered (most with no record at all: ADR 0051 grades them all the same),
 * last year's records in, last year's cycle closed by the province's regulator, then the draw.
 *
 * Grades from the scheme's placeholders (base 85; commendation +5; penalty general −10, severe −20;
 * AA ≥ 90, A 80–<90, B 70–<80, C 60–<70, D < 60) and the seed's rule read as "at most C" (scheme
 * notes). Drawn counts from the plan's placeholder ratios (AA 5 %, A 5 %, B 10 %, C 20 %, D 30 %,
 * count = ceil(n × ratio / 100) per grade), topped up from B and below to the seed's 50 %.
 */
describe('seed 004 案例8 山东: every registered operator graded, the unregistered managed as C, half the drawn at B or below', () => {
  let platform: RunningPlatform;
  let shandong: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [shandong, regulator] = await Promise.all([platform.token('shandong'), platform.token('shandong-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => shandong,
  );

  const JINAN = '370100';
  const SCHEME = 'shandong-road-transport';
  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const BUREAU_USCC = (() => {
    const first17 = '11370100MB0012345';
    return first17 + usccCheckCharacter(first17);
  })();

  type Credit = { registered: boolean; committed: boolean; selfAssessed: boolean };
  const ON_PLATFORM: Credit = { registered: true, committed: true, selfAssessed: true };
  const register = (uscc: string, credit?: Credit) =>
    api(`/api/v1/registry/enterprises/${uscc}`, {
      method: 'PUT',
      body: { name: '济南某运输有限公司', region: JINAN, declaredSectors: ['general-cargo'], registeredOn: '2015-01-01', ...(credit ? { credit } : {}) },
    });

  const penalty = (uscc: string, severity: string) => ({
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: uscc, name: '济南某运输有限公司' },
    region: JINAN,
    severity,
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `济交执罚${randomBytes(3).toString('hex')}`,
    payload: {
      facts: '未按规定开展安全生产隐患排查治理',
      penaltyCategories: ['fine'],
      penaltyBasis: '《中华人民共和国安全生产法》第一百零二条',
      penaltyContent: '罚款人民币伍万元',
      fineAmountFen: 5_000_000,
      authority: '济南市交通运输局',
      authorityUscc: BUREAU_USCC,
    },
  });
  const commendation = (uscc: string) => ({
    recordType: 'commendation',
    subject: { kind: 'org', id: uscc, name: '济南某运输有限公司' },
    region: JINAN,
    severity: 'minor',
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `济交表${randomBytes(3).toString('hex')}`,
    payload: { title: '安全生产先进单位', awardingBody: '济南市交通运输局', level: 'city' },
  });

  interface Operator {
    uscc: string;
    grade: string;
    credit?: Credit;
    records: ('commendation' | 'general' | 'severe')[];
  }
  const operators: Operator[] = [
    // 85 + 5 (city commendation) = 90: AA.
    ...Array.from({ length: 21 }, (): Operator => ({ uscc: makeUscc(JINAN), grade: 'AA', credit: ON_PLATFORM, records: ['commendation'] })),
    // Registered, committed, self-assessed, nothing reported on: 85, A — graded with no record at all.
    ...Array.from({ length: 21 }, (): Operator => ({ uscc: makeUscc(JINAN), grade: 'A', credit: ON_PLATFORM, records: [] })),
    // 85 − 10 (general penalty) = 75: B.
    ...Array.from({ length: 2 }, (): Operator => ({ uscc: makeUscc(JINAN), grade: 'B', credit: ON_PLATFORM, records: ['general'] })),
    // No record: 85 would be A; never committed nor self-assessed (one registered on the platform, one not at all): managed as C.
    { uscc: makeUscc(JINAN), grade: 'C', credit: { registered: true, committed: false, selfAssessed: false }, records: [] },
    { uscc: makeUscc(JINAN), grade: 'C', records: [] },
    // Not registered, 85 − 2 × 20 = 45: D — "at most C" never lifts a worse grade.
    { uscc: makeUscc(JINAN), grade: 'D', records: ['severe', 'severe'] },
  ];
  const [uncommitted] = operators.filter((o) => o.grade === 'C');
  const [clean] = operators.filter((o) => o.grade === 'A');

  type Evaluation = { schemeId: string; grade: string; score: number };
  const standing = (uscc: string) =>
    api(`/api/v1/subjects/${uscc}/evaluations`).then((r) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME));

  it('grades 47 operators (42 with no record), closes last year and draws 8: 4 of them B or below (seed 004 案例8: ≥ 50 %)', async () => {
    for (const { uscc, credit } of operators) expect([uscc, (await register(uscc, credit)).status]).toEqual([uscc, 201]);
    for (const { uscc, records } of operators) {
      for (const kind of records) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: kind === 'commendation' ? commendation(uscc) : penalty(uscc, kind) });
        expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
      }
    }

    // A registration alone grades the operator now (ADR 0051): no record, registered, committed, self-assessed → 85, A;
    // registered but never committed nor self-assessed → C (seed 004 案例8).
    expect(
      await eventually(
        () => standing(clean!.uscc),
        (e) => e !== undefined,
      ),
    ).toMatchObject({ grade: 'A', score: 85 });
    expect(
      await eventually(
        () => standing(uncommitted!.uscc),
        (e) => e !== undefined,
      ),
    ).toMatchObject({ grade: 'C', score: 85 });

    // Evaluation must hold every registration and record before last year's cycle is closed.
    const ids = operators.map((o) => o.uscc);
    const held = await eventually(
      () =>
        Promise.all([
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.registry_subjects WHERE subject_id = ANY($1)`, [ids]),
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE subject_id = ANY($1)`, [ids]),
        ]).then(([r, s]) => [(r[0] as { n: number }).n, (s[0] as { n: number }).n]),
      ([registered, records]) => registered === 47 && records === 25,
      30_000,
    );
    // 47 operators; 21 commendations + 2 general + 2 severe penalties.
    expect(held).toEqual([47, 25]);
    const { closed, ranked } = await closeCycle(platform, regulator, SCHEME, lastYear, 60_000);
    expect(closed.body).toMatchObject({ schemeId: SCHEME, period: lastYear, status: 'completed', distribution: { AA: 21, A: 21, B: 2, C: 2, D: 1 } });
    for (const { uscc, grade } of operators) expect([uscc, ranked.get(uscc)?.grade]).toEqual([uscc, grade]);

    type Draw = {
      planId: string;
      schemeId: string;
      pool: { subjectId: string; grade: string }[];
      drawn: { subjectId: string; grade: string; round: string }[];
    };
    const draw = (seed: number) => api('/api/v1/inspections/draws', { method: 'POST', body: { pool: { region: '370000', sector: 'general-cargo' }, seed } });
    const first = await eventually(
      () => draw(20261206),
      (r) => (r.status === 201 || r.status === 200 ? (r.body as unknown as Draw).pool.length === 47 : false),
      30_000,
    );
    expect([200, 201]).toContain(first.status);
    const result = first.body as unknown as Draw;
    expect(result).toMatchObject({ planId: 'shandong.road-transport', schemeId: SCHEME });
    // By the ratios: AA ceil(21 × 5 %) = 2, A ceil(21 × 5 %) = 2, B ceil(2 × 10 %) = 1, C ceil(2 × 20 %) = 1, D ceil(1 × 30 %) = 1:
    // 7 drawn, 3 at B or below (43 %). The seed's ≥ 50 % adds the fewest more from B and below: x = 1 (4 of 8).
    const rounds = (round: string) => result.drawn.filter((d) => d.round === round);
    expect(['AA', 'A'].map((g) => [g, rounds('first').filter((d) => d.grade === g).length])).toEqual([
      ['AA', 2],
      ['A', 2],
    ]);
    expect(rounds('first')).toHaveLength(7);
    expect(rounds('minimum-share').map((d) => ['B', 'C', 'D'].includes(d.grade))).toEqual([true]);
    const low = result.drawn.filter((d) => ['B', 'C', 'D'].includes(d.grade)).length;
    expect([low, result.drawn.length]).toEqual([4, 8]);
    expect(low / result.drawn.length).toBeGreaterThanOrEqual(0.5);
    for (const d of result.drawn) expect(d.grade).toBe(ranked.get(d.subjectId)?.grade);

    // The uncommitted operator commits and self-assesses: the registry change alone lifts its standing to A (85).
    expect((await register(uncommitted!.uscc, ON_PLATFORM)).status).toBe(200);
    expect(
      await eventually(
        () => standing(uncommitted!.uscc),
        (e) => e?.grade === 'A',
      ),
    ).toMatchObject({ grade: 'A', score: 85 });
  }, 240_000);
});
