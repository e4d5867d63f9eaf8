import { randomBytes } from 'node:crypto';
import { chinaToday, makeUscc } from '@platform/testing';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/*
 * Seed 004 案例1 (京津冀通勤定制快巴, 北京市交通委员会):
 * - "运营企业、定制服务平台、驾驶员在许可前必须作出信用承诺": every operator has a commitment on record;
 * - "对市场主体实施四等九级信用评价": nine levels in four tiers, reported grade and tier;
 * - "运营企业初始等级原则上为中（B）级，如作出初始等级信用承诺并提交信用承诺书的，初始等级可升级为良（A）级":
 *   B (tier 中) without, A (tier 良) with an initial-grade commitment;
 * - "对违背信用和优质服务承诺的企业…每次发现扣50分" and "发现违诺情形，信用评价等级降级": −50 and down.
 * - "针对信用好的运营企业…降低检查比例频次；对信用差的，列为重点监管对象" and "给予准入绿色通道、加快办理速度、
 *   适度允许扩大经营规模": decisions on the closed cycle's grade (mappings beijing.commuter-bus.*).
 * Played through the gateway with Beijing's clients: operators registered, commitments and breaches
 * in, grades and tiers read (also on the public profile), last year's cycle closed by the commission's admin,
 * decisions asked for a good-tier and a poor-tier operator.
 *
 * Placeholders (beijing-commuter-bus-grades notes): level names other than A/B, the tier split
 * 优 AAA/AA, 良 A+/A/A-, 中 B+/B/B-, 差 C, and the 50-point bands — initial B = 600, A = 750,
 * A- 700–<750, B+ 650–<700, B- 550–<600, C < 550 — so that each breach lowers one level; and which tiers
 * are "信用好" (优, 良) and "信用差" (差): the seed names no tier for either.
 */
describe('seed 004 案例1: Beijing commuter-bus operators graded on four tiers of nine levels', () => {
  let platform: RunningPlatform;
  let beijing: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures', 'disclosure']);
    [beijing, regulator] = await Promise.all([platform.token('beijing'), platform.token('beijing-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => beijing,
  );

  const SCHEME = 'beijing-commuter-bus-grades';
  const today = chinaToday();
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const number = (prefix: string) => `${prefix}〔${today.slice(0, 4)}〕${randomBytes(3).toString('hex')}号`;

  const register = async (uscc: string) => {
    const registered = await api(`/api/v1/registry/enterprises/${uscc}`, {
      method: 'PUT',
      body: { name: '北京某定制客运有限公司', region: '110000', declaredSectors: ['bus'], registeredOn: '2022-07-01' },
    });
    expect([200, 201]).toContain(registered.status);
  };

  const submit = async (body: unknown) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
    return created.body.id as string;
  };

  /** A commitment: 'permit-application' before the licence (every operator), 'initial-grade' to start at A. */
  const commit = (uscc: string, commitmentType: 'permit-application' | 'initial-grade', decisionDate: string) =>
    submit({
      recordType: 'credit-commitment',
      subject: { kind: 'org', id: uscc, name: '北京某定制客运有限公司' },
      region: '110000',
      severity: 'minor',
      decisionDate,
      documentNumber: number('京交承诺'),
      payload: {
        commitmentType,
        content: commitmentType === 'initial-grade' ? '作出初始等级信用承诺，提供优质服务' : '承诺申请材料真实合法，严格遵守法律法规运营',
        dueDate: `${Number(today.slice(0, 4)) + 1}-12-31`,
        acceptingAuthority: '北京市交通委员会',
      },
    });

  /** A breach found in a 双随机 check (seed 004: 事后履约核查). */
  const breach = (uscc: string, commitmentRecordId: string, decisionDate: string) =>
    submit({
      recordType: 'commitment-broken',
      subject: { kind: 'org', id: uscc, name: '北京某定制客运有限公司' },
      region: '110000',
      severity: 'general',
      decisionDate,
      documentNumber: number('京交违诺'),
      payload: { commitmentRecordId, description: '违背优质服务承诺：未按预约班次发车', detectedBy: 'inspection' },
    });

  type Evaluation = { schemeId: string; grade: string; tier: string; score: number };
  const evaluationOf = async (uscc: string, score: number) => {
    const read = await eventually(
      () => api(`/api/v1/subjects/${uscc}/evaluations`),
      (r) => ((r.body.evaluations ?? []) as Evaluation[]).some((e) => e.schemeId === SCHEME && e.score === score),
    );
    const found = (read.body.evaluations as Evaluation[]).find((e) => e.schemeId === SCHEME)!;
    return { grade: found.grade, tier: found.tier, score: found.score };
  };

  // Runs first: the close grades every subject in scope, so the operators of the next test come later.
  it('closes last year: the distribution lists all nine levels with their tiers, best first; good credit gets better treatment, poor credit key supervision', async () => {
    const day = `${lastYear}-09-15`;
    const operators = [
      // Licence commitment only: initial B (600), tier 中.
      { uscc: makeUscc('110000'), initialGrade: false, breaches: 0, grade: 'B', score: 600 },
      // Initial-grade commitment: A (750), tier 良.
      { uscc: makeUscc('110000'), initialGrade: true, breaches: 0, grade: 'A', score: 750 },
      // A, then two breaches: 750 − 2 × 50 = 650 → B+, tier 中.
      { uscc: makeUscc('110000'), initialGrade: true, breaches: 2, grade: 'B+', score: 650 },
      // A, then five breaches: 750 − 5 × 50 = 500 → C, tier 差.
      { uscc: makeUscc('110000'), initialGrade: true, breaches: 5, grade: 'C', score: 500 },
    ];
    for (const o of operators) {
      await register(o.uscc);
      const commitment = await commit(o.uscc, o.initialGrade ? 'initial-grade' : 'permit-application', day);
      for (let i = 0; i < o.breaches; i += 1) await breach(o.uscc, commitment, day);
    }
    const ids = operators.map((o) => o.uscc);
    const records = operators.reduce((n, o) => n + 1 + o.breaches, 0);
    await eventually(
      () =>
        Promise.all([
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.registry_subjects WHERE subject_id = ANY($1)`, [ids]),
          platform.db.query(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE subject_id = ANY($1)`, [ids]),
        ]).then(([r, s]) => [(r[0] as { n: number }).n, (s[0] as { n: number }).n]),
      ([registered, held]) => registered === 4 && held === records,
      30_000,
    );

    const { closed, ranked } = await closeCycle(platform, regulator, SCHEME, lastYear);
    expect(closed.body).toMatchObject({ schemeId: SCHEME, period: lastYear, status: 'completed', total: 4, distribution: { B: 1, A: 1, 'B+': 1, C: 1 } });
    const TIERS: Record<string, string> = { AAA: '优', AA: '优', 'A+': '良', A: '良', 'A-': '良', 'B+': '中', B: '中', 'B-': '中', C: '差' };
    const counts: Record<string, number> = { A: 1, 'B+': 1, B: 1, C: 1 };
    expect(closed.body.ladder).toEqual(Object.entries(TIERS).map(([grade, tier]) => ({ grade, tier, count: counts[grade] ?? 0 })));
    for (const o of operators) expect([o.uscc, ranked.get(o.uscc)?.grade, ranked.get(o.uscc)?.score]).toEqual([o.uscc, o.grade, o.score]);

    // Decisions on the closed cycle's grades (seed 004 案例1 "强化分级分类应用"). Placeholder reading of the
    // seed's "信用好"/"信用差": the 优 and 良 tiers are good credit, the 差 tier poor credit; 中 gets neither.
    const [b, a, bPlus, c] = operators;
    type Applied = { code: string; effect: string; mappingId: string };
    const decide = async (uscc: string, scene: string) => {
      const answered = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: uscc, scene } });
      expect(answered.status).toBe(200);
      return { outcome: answered.body.outcome, measures: ((answered.body.measures ?? []) as Applied[]).map((m) => [m.code, m.effect, m.mappingId]) };
    };
    // Joint measures learns the closed grades from evaluation.cycle-grades.recorded.
    await eventually(
      () => platform.db.query(`SELECT count(*)::int AS n FROM joint_measures.subject_grades WHERE subject_id = ANY($1) AND cycle = $2`, [ids, lastYear]),
      (rows) => (rows[0] as { n: number }).n === 4,
      30_000,
    );
    // A (良), good credit: "降低检查比例频次", "给予准入绿色通道、加快办理速度", "适度允许扩大经营规模".
    expect(await decide(a.uscc, 'inspection.frequency')).toEqual({
      outcome: 'allow',
      measures: [['inspection.on-site-reduced', 'benefit', 'beijing.commuter-bus.good.inspection.on-site-reduced']],
    });
    expect(await decide(a.uscc, 'permit.application')).toEqual({
      outcome: 'allow',
      measures: [['admission.green-channel', 'benefit', 'beijing.commuter-bus.good.admission.green-channel']],
    });
    expect(await decide(a.uscc, 'business.new-capacity')).toEqual({
      outcome: 'allow',
      measures: [['business-scale.expansion', 'benefit', 'beijing.commuter-bus.good.business-scale.expansion']],
    });
    // C (差), poor credit: "列为重点监管对象", "依法实施严管" — a condition on the inspection scene, and no benefit.
    const watched = await decide(c.uscc, 'inspection.frequency');
    expect(watched).toEqual({ outcome: 'conditional', measures: [['supervision.key', 'condition', 'beijing.commuter-bus.poor.key-supervision']] });
    expect(await decide(c.uscc, 'permit.application')).toEqual({ outcome: 'allow', measures: [] });
    // B and B+ (中): neither.
    for (const middle of [b, bPlus]) expect(await decide(middle.uscc, 'inspection.frequency')).toEqual({ outcome: 'allow', measures: [] });
  }, 180_000);

  it('an operator committed to its initial grade reads A (良); each breach −50 takes it one level down, 良 → 中', async () => {
    const uscc = makeUscc('110000');
    await register(uscc);
    // The scheme evaluation announced carries its own nine grades; joint measures checks configuration against them.
    const known = await platform.db.query(`SELECT ladder_id, grades FROM joint_measures.known_schemes WHERE scheme_id = $1`, [SCHEME]);
    expect(known).toEqual([{ ladder_id: 'beijing-four-tiers-nine-levels', grades: ['AAA', 'AA', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'] }]);

    const commitment = await commit(uscc, 'initial-grade', today);
    expect(await evaluationOf(uscc, 750)).toEqual({ grade: 'A', tier: '良', score: 750 });
    await breach(uscc, commitment, today);
    // 750 − 50 = 700: A- (still 良).
    expect(await evaluationOf(uscc, 700)).toEqual({ grade: 'A-', tier: '良', score: 700 });
    await breach(uscc, commitment, today);
    // 700 − 50 = 650: B+, down into 中.
    expect(await evaluationOf(uscc, 650)).toEqual({ grade: 'B+', tier: '中', score: 650 });
    // The public profile (seed 004: results "在官方网站公开") shows the same grade with its tier.
    type PublicGrade = { schemeId: string; grade: string; tier: string; score: number };
    const publicProfile = () =>
      fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as { grades?: PublicGrade[] }) : {}));
    const shown = await eventually(publicProfile, (p) => (p.grades ?? []).some((g) => g.schemeId === SCHEME && g.score === 650), 30_000);
    expect(shown.grades).toEqual([expect.objectContaining({ schemeId: SCHEME, grade: 'B+', tier: '中', score: 650 })]);

    // Without the initial-grade commitment (only the licence one): B, tier 中.
    const other = makeUscc('110000');
    await register(other);
    await commit(other, 'permit-application', today);
    expect(await evaluationOf(other, 600)).toEqual({ grade: 'B', tier: '中', score: 600 });
  }, 120_000);

  it('refuses an upload whose ladder lists a grade twice or has tiers naming a grade off it, each problem located; nothing is stored', async () => {
    const admin = gatewayApi<Body>(
      () => platform,
      () => regulator,
    );
    const current = await admin(`/api/v1/evaluation-schemes/${SCHEME}`);
    expect(current.status).toBe(200);
    const document = current.body.document as { ladder: { grades: string[]; tiers: { name: string; grades: string[] }[] } };
    document.ladder.grades[2] = 'AA';
    document.ladder.tiers[1]!.grades[0] = 'A++';
    const refused = await admin(`/api/v1/evaluation-schemes/${SCHEME}`, { method: 'PUT', body: { document, publish: true } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'SCHEME.INVALID' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'document.ladder.grades[2]', code: 'DUPLICATE_GRADE' }),
        expect.objectContaining({ field: 'document.ladder.tiers[1].grades[0]', code: 'UNKNOWN_GRADE' }),
      ]),
    );
    const after = await admin(`/api/v1/evaluation-schemes/${SCHEME}`);
    expect(after.body.version).toBe(current.body.version);
  }, 60_000);
});
