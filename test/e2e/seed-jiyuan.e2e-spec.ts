import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/*
 * Seed 002 案例5 (济源示范区): driving schools are graded AAA/AA/A/B every year, and inspected by
 * 双随机一公开 at AAA 10 %, AA 20 %, A 30 %, B 50 % (DOMAIN.md §4; draw plan jiyuan.driving-school).
 * Played through the gateway: schools registered, last year's penalties in, last year's cycle
 * closed, and the Jiyuan bureau's draw takes ceil(pool × ratio) of each grade.
 *
 * Grades follow jiyuan-driving-school (placeholder points, shipped-schemes.ts): base 100, a penalty
 * −5/−10/−20 by severity; AAA ≥ 90, AA 80–<90, A 70–<80, B < 70.
 */
describe('seed 002 案例5: Jiyuan driving schools graded, then drawn for inspection by grade ratio', () => {
  let platform: RunningPlatform;
  let jiyuan: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    jiyuan = await platform.token('jiyuan');
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => jiyuan,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const AUTHORITY_FIRST17 = '11419001005252717';
  const penalty = (school: string, severity: string, n: number) =>
    creditRecordBody({
      subject: { kind: 'org', id: school, name: '济源某驾驶员培训学校' },
      region: '419001',
      severity,
      decisionDate: `${lastYear}-06-${String(10 + n).padStart(2, '0')}`,
      documentNumber: `济交执罚〔${lastYear}〕${school.slice(-6)}${n}号`,
      payload: {
        facts: '未按照全国统一的教学大纲进行培训',
        penaltyBasis: '《机动车驾驶员培训管理规定》第五十条',
        authority: '济源示范区交通运输局',
        authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17),
      },
    });

  // Pool sizes chosen so every grade's ceil(n × ratio) differs from n × ratio or from the others:
  // AAA 3 × 10 % = 0.3 → 1; AA 6 × 20 % = 1.2 → 2; A 4 × 30 % = 1.2 → 2; B 5 × 50 % = 2.5 → 3.
  const GRADES = [
    // 100 − 5 (one minor penalty) = 95: AAA.
    { grade: 'AAA', schools: 3, severities: ['minor'], score: 95, drawn: 1 },
    // 100 − 20 (one severe penalty) = 80: AA (its lower edge).
    { grade: 'AA', schools: 6, severities: ['severe'], score: 80, drawn: 2 },
    // 100 − 20 − 10 (severe and general) = 70: A (its lower edge).
    { grade: 'A', schools: 4, severities: ['severe', 'general'], score: 70, drawn: 2 },
    // 100 − 20 − 20 (two severe) = 60: B.
    { grade: 'B', schools: 5, severities: ['severe', 'severe'], score: 60, drawn: 3 },
  ] as const;

  it('grades the registered schools from their records and draws AAA 10 %, AA 20 %, A 30 %, B 50 % (rounded up) through the gateway', async () => {
    const schools = GRADES.flatMap((g) => Array.from({ length: g.schools }, () => ({ id: makeUscc('419001'), ...g })));
    await registerSubjects(
      platform,
      schools.map((s) => ({ kind: 'org' as const, id: s.id, sectors: ['driving-school'], region: '419001' })),
    );
    for (const school of schools) {
      for (const [n, severity] of school.severities.entries()) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: penalty(school.id, severity, n) });
        expect({ school: school.id, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({
          school: school.id,
          status: 201,
          body: undefined,
        });
      }
    }
    // Evaluation grades each school under Jiyuan's scheme once it knows the school is a driving school
    // (ADR 0044) and has its records; this year's cycle has none of last year's penalties: 100, AAA.
    for (const school of schools) {
      const current = await eventually(
        () => api(`/api/v1/subjects/${school.id}/evaluations`),
        (r) => ((r.body.evaluations ?? []) as { schemeId: string }[]).some((e) => e.schemeId === 'jiyuan-driving-school'),
      );
      expect(
        (current.body.evaluations as { schemeId: string; grade: string; score: number }[]).find((e) => e.schemeId === 'jiyuan-driving-school'),
      ).toMatchObject({
        grade: 'AAA',
        score: 100,
      });
    }

    // Before last year's cycle is closed no school has a grade the draw could use: the plan is active, the pool empty.
    const draw = (body: unknown) => api('/api/v1/inspections/draws', { method: 'POST', body });
    const early = await draw({ pool: { region: '419001', sector: 'driving-school' } });
    expect(early.status).toBe(201);
    expect(early.body).toMatchObject({ planId: 'jiyuan.driving-school', schemeId: 'jiyuan-driving-school', pool: [], drawn: [] });

    // The regulator closes last year's cycle: grades out.
    const { closed: done, ranked } = await closeCycle(platform, regulator, 'jiyuan-driving-school', lastYear);
    expect(done.body).toMatchObject({ schemeId: 'jiyuan-driving-school', period: lastYear, status: 'completed', total: schools.length });
    expect(done.body.distribution).toEqual(Object.fromEntries(GRADES.map((g) => [g.grade, g.schools])));
    for (const school of schools) expect(ranked.get(school.id)).toMatchObject({ grade: school.grade, score: school.score });

    // Joint measures learns the closed cycle's grades; the Jiyuan bureau's draw then pools all 18 schools.
    const first = await eventually(
      () => draw({ pool: { region: '419001', sector: 'driving-school' } }),
      (r) => r.status === 201 && (r.body.pool as unknown[]).length === schools.length,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ planId: 'jiyuan.driving-school', schemeId: 'jiyuan-driving-school' });
    expect(first.body.pool).toEqual(expect.arrayContaining(schools.map((s) => expect.objectContaining({ subjectId: s.id, grade: s.grade }))));
    expect(first.body.byGrade).toEqual(GRADES.map((g) => expect.objectContaining({ grade: g.grade, pool: g.schools, drawn: g.drawn })));
    const drawn = first.body.drawn as { subjectId: string; grade: string }[];
    expect(drawn).toHaveLength(GRADES.reduce((sum, g) => sum + g.drawn, 0));
    const gradeOf = new Map(schools.map((s) => [s.id, s.grade as string]));
    for (const d of drawn) expect(d.grade).toBe(gradeOf.get(d.subjectId));
    for (const g of GRADES) expect(drawn.filter((d) => d.grade === g.grade)).toHaveLength(g.drawn);
    expect(new Set(drawn.map((d) => d.subjectId)).size).toBe(drawn.length);

    // The same seed draws the same schools; a place outside Jiyuan's bureau is refused.
    const rerun = await draw({ pool: { region: '419001', sector: 'driving-school' }, seed: first.body.seed });
    expect(rerun.body.drawn).toEqual(first.body.drawn);
    const foreign = await draw({ pool: { region: '410100', sector: 'driving-school' } });
    expect(foreign.status).toBe(403);
  }, 120_000);
});
