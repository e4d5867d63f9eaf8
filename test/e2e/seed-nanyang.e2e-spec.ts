import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/*
 * Seed 000 南阳“无感审批” (嵌入出租车行业审批): 对3A级及以上企业优先授予新增运力指标……对B级企业停业整顿
 * (DOMAIN.md §4; mappings nanyang.taxi.3a-first / nanyang.taxi.b-suspended). Played through the
 * gateway: two taxi firms registered, last year's penalties in, last year's cycle closed, and the
 * Nanyang bureau's new-capacity decision gives the AAA firm priority and suspends the B firm.
 *
 * Grades follow nanyang-taxi-firm (placeholder points, shipped-schemes.ts): base 1000, a penalty
 * −20/−50/−100 by severity; AAA ≥ 850, AA 700–<850, A 600–<700, B < 600.
 */
describe('seed 000 南阳: AAA taxi firms get new capacity first, B firms are suspended', () => {
  let platform: RunningPlatform;
  let nanyang: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    nanyang = await platform.token('nanyang');
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => nanyang,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const AUTHORITY_FIRST17 = '11411300005252717';
  const penalty = (firm: string, severity: string, n: number) =>
    creditRecordBody({
      subject: { kind: 'org', id: firm, name: '南阳某出租汽车有限公司' },
      region: '411300',
      severity,
      decisionDate: `${lastYear}-06-${String(10 + n).padStart(2, '0')}`,
      documentNumber: `宛交执罚〔${lastYear}〕${firm.slice(-6)}${n}号`,
      payload: { authority: '南阳市交通运输局', authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17) },
    });
  const decide = (subjectId: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene: 'business.new-capacity', sector: 'taxi' } });

  it('grades the taxi firms from last year’s records; the new-capacity decision gives AAA priority and suspends B', async () => {
    const [aaa, b] = [
      // 1000 − 20 (one minor penalty) = 980: AAA → new capacity first.
      { id: makeUscc('411300'), severities: ['minor'], grade: 'AAA', score: 980 },
      // 1000 − 5 × 100 (five severe penalties) = 500: B → suspended for rectification.
      { id: makeUscc('411300'), severities: ['severe', 'severe', 'severe', 'severe', 'severe'], grade: 'B', score: 500 },
    ];
    const firms = [aaa, b];
    await registerSubjects(
      platform,
      firms.map((f) => ({ kind: 'org' as const, id: f.id, sectors: ['taxi'], region: '411300' })),
    );
    for (const firm of firms) {
      for (const [n, severity] of firm.severities.entries()) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: penalty(firm.id, severity, n) });
        expect({ firm: firm.id, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({
          firm: firm.id,
          status: 201,
          body: undefined,
        });
      }
      await eventually(
        () => api(`/api/v1/subjects/${firm.id}/evaluations`),
        (r) => ((r.body.evaluations ?? []) as { schemeId: string }[]).some((e) => e.schemeId === 'nanyang-taxi-firm'),
      );
    }
    // Close the cycle only once evaluation holds all six records (no race).
    await eventually(
      () =>
        recordsHeld(
          platform,
          firms.map((f) => f.id),
        ),
      (n) => n === 6,
    );
    // Decisions use closed-cycle grades only: before the close the B firm is not suspended.
    const before = await decide(b.id);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ outcome: 'allow', measures: [] });

    const { closed: done, ranked } = await closeCycle(platform, regulator, 'nanyang-taxi-firm', lastYear);
    expect(done.body).toMatchObject({ schemeId: 'nanyang-taxi-firm', period: lastYear, status: 'completed', total: 2, distribution: { AAA: 1, B: 1 } });
    for (const firm of firms) expect(ranked.get(firm.id)).toMatchObject({ grade: firm.grade, score: firm.score });

    const priority = await eventually(
      () => decide(aaa.id),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(priority.status).toBe(200);
    expect(priority.body).toMatchObject({
      outcome: 'allow',
      subjectId: aaa.id,
      scene: 'business.new-capacity',
      region: '411300',
      measures: [{ code: 'new-capacity.priority', effect: 'benefit', mappingId: 'nanyang.taxi.3a-first' }],
      reasons: [{ kind: 'grade', schemeId: 'nanyang-taxi-firm', cycle: lastYear, grade: 'AAA' }],
    });
    const suspended = await eventually(
      () => decide(b.id),
      (r) => r.body.outcome === 'deny',
    );
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      outcome: 'deny',
      subjectId: b.id,
      scene: 'business.new-capacity',
      region: '411300',
      measures: [{ code: 'new-capacity.suspended', effect: 'deny', mappingId: 'nanyang.taxi.b-suspended' }],
      reasons: [{ kind: 'grade', schemeId: 'nanyang-taxi-firm', cycle: lastYear, grade: 'B' }],
    });
  }, 120_000);
});
