import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/*
 * Seed 002 案例6 (鹤壁, 信易+维修): the 营运车辆 of 客货运企业 graded 3A/2A/A get 20 %/10 %/5 % off
 * repair labour (DOMAIN.md §4; mappings hebi.repair-labour.*). Played through the gateway: fleets
 * registered, last year's penalties in, last year's cycle closed, and the Hebi bureau's decision
 * for the incentive scene carries the fleet's discount.
 *
 * Grades follow hebi-fleet (placeholder points, shipped-schemes.ts): base 1000, a penalty
 * −20/−50/−100 by severity; AAA ≥ 850, AA 700–<850, A 600–<700, B < 600.
 */
describe('seed 002 案例6: a Hebi fleet graded AAA gets 20 % off repair labour', () => {
  let platform: RunningPlatform;
  let hebi: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    hebi = await platform.token('hebi');
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => hebi,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const AUTHORITY_FIRST17 = '11410600005252717';
  const penalty = (fleet: string, severity: string, n: number) =>
    creditRecordBody({
      subject: { kind: 'org', id: fleet, name: '鹤壁某运输有限公司' },
      region: '410600',
      severity,
      decisionDate: `${lastYear}-05-${String(10 + n).padStart(2, '0')}`,
      documentNumber: `鹤交执罚〔${lastYear}〕${fleet.slice(-6)}${n}号`,
      payload: { authority: '鹤壁市交通运输局', authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17) },
    });
  const decide = (subjectId: string) => api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene: 'incentive.discount' } });

  it('grades the fleets from last year’s records and the incentive decision gives AAA 20 %, AA 10 %, B nothing', async () => {
    const fleets = [
      // 1000 − 20 (one minor penalty) = 980: AAA → 20 % off labour.
      { id: makeUscc('410600'), sector: 'road-passenger', severities: ['minor'], grade: 'AAA', score: 980, discount: 20, mappingId: 'hebi.repair-labour.aaa' },
      // 1000 − 100 − 100 (two severe penalties) = 800: AA → 10 %.
      {
        id: makeUscc('410600'),
        sector: 'general-cargo',
        severities: ['severe', 'severe'],
        grade: 'AA',
        score: 800,
        discount: 10,
        mappingId: 'hebi.repair-labour.aa',
      },
      // 1000 − 5 × 100 (five severe penalties) = 500: B → no discount.
      { id: makeUscc('410600'), sector: 'general-cargo', severities: ['severe', 'severe', 'severe', 'severe', 'severe'], grade: 'B', score: 500 },
    ];
    await registerSubjects(
      platform,
      fleets.map((f) => ({ kind: 'org' as const, id: f.id, sectors: [f.sector], region: '410600' })),
    );
    for (const fleet of fleets) {
      for (const [n, severity] of fleet.severities.entries()) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: penalty(fleet.id, severity, n) });
        expect({ fleet: fleet.id, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({
          fleet: fleet.id,
          status: 201,
          body: undefined,
        });
      }
      await eventually(
        () => api(`/api/v1/subjects/${fleet.id}/evaluations`),
        (r) => ((r.body.evaluations ?? []) as { schemeId: string }[]).some((e) => e.schemeId === 'hebi-fleet'),
      );
    }
    // Decisions use closed-cycle grades only: before the close the AAA fleet gets no discount.
    const before = await decide(fleets[0].id);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ outcome: 'allow', measures: [] });

    const { closed: done, ranked } = await closeCycle(platform, regulator, 'hebi-fleet', lastYear);
    expect(done.body).toMatchObject({ schemeId: 'hebi-fleet', period: lastYear, status: 'completed', total: 3, distribution: { AAA: 1, AA: 1, B: 1 } });
    for (const fleet of fleets) expect(ranked.get(fleet.id)).toMatchObject({ grade: fleet.grade, score: fleet.score });

    const [aaa, aa, b] = fleets;
    const discount = await eventually(
      () => decide(aaa.id),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(discount.status).toBe(200);
    expect(discount.body).toMatchObject({
      outcome: 'allow',
      subjectId: aaa.id,
      scene: 'incentive.discount',
      region: '410600',
      measures: [{ code: 'repair-labour.discount', mappingId: aaa.mappingId, value: { amount: 20, unit: '% off labour' } }],
      reasons: [{ kind: 'grade', schemeId: 'hebi-fleet', cycle: lastYear, grade: 'AAA' }],
    });
    const smaller = await eventually(
      () => decide(aa.id),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(smaller.body).toMatchObject({ measures: [{ code: 'repair-labour.discount', mappingId: aa.mappingId, value: { amount: 10 } }] });
    // B is below the seed's 3A/2A/A: no discount, once joint measures holds its closed-cycle grade.
    const stored = await eventually(
      () => platform.db.query<{ grade: string }>(`SELECT grade FROM joint_measures.subject_grades WHERE subject_id = $1 AND scheme_id = 'hebi-fleet'`, [b.id]),
      (rows) => rows.length > 0,
    );
    expect(stored).toEqual([{ grade: 'B' }]);
    const none = await decide(b.id);
    expect(none.body).toMatchObject({ outcome: 'allow', measures: [] });
  }, 120_000);
});
