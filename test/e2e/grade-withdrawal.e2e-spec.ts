import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

interface Profile {
  grades?: { schemeId: string; grade: string; score: number }[];
  penalties?: unknown[];
}

interface Evaluations {
  evaluations?: { schemeId: string; grade: string; score: number }[];
  notApplicable?: { schemeId: string; reason: string; message: string }[];
}

const HENAN = 'henan-passenger-hazardous-codes';

/**
 * Issue 16 follow-up (ADR 0046): a carrier that leaves a sector-bound scheme's sectors loses its
 * grade everywhere — evaluation withdraws the standing and announces it, disclosure takes the
 * grade off the public profile. The gateway's profile cache lives five minutes here, far beyond
 * every wait in this file, so only disclosure's change notification can make the grade vanish.
 */
describe('a grade withdrawn when the registry moves a carrier out of the scheme’s sectors', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'disclosure'], { GATEWAY_PROFILE_CACHE_TTL_MS: '300000' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('a road-passenger carrier re-registered as general cargo no longer shows its Henan 两客一危 grade, and the scheme says why', async () => {
    const body = creditRecordBody();
    const uscc = body.subject.id;
    // seed 002 案例1: 两客一危 = road passenger and hazardous goods carriers; the scheme is bound to those sectors (ADR 0044).
    await registerSubjects(platform, [{ kind: 'org', id: uscc, sectors: ['road-passenger'] }]);
    const zhengzhou = await platform.token('zhengzhou');
    const records = gatewayApi<{ id: string }>(
      () => platform,
      () => zhengzhou,
    );
    expect((await records('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);

    const profile = () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
    // 1000 − 30 for one general administrative penalty → green (DOMAIN.md §3 red/yellow/green codes; seed 002 案例1, 4).
    const shown = await eventually(profile, (p) => (p.grades ?? []).length > 0, 30_000);
    expect(shown.grades).toEqual([expect.objectContaining({ schemeId: HENAN, grade: 'green', score: 970 })]);
    // Served from the gateway's cache from here on (TTL five minutes).
    expect((await profile()).grades).toHaveLength(1);

    // The passenger licence is gone: the registry lists general cargo only.
    await registerSubjects(platform, [{ kind: 'org', id: uscc, sectors: ['general-cargo'] }]);
    const after = await eventually(profile, (p) => (p.grades ?? []).length === 0, 30_000);
    expect(after.grades).toEqual([]);
    // Only the grade left: the penalty is still public.
    expect(after.penalties).toHaveLength(1);

    const regulator = await platform.token('regulator');
    const evaluations = await gatewayApi<Evaluations>(
      () => platform,
      () => regulator,
    )(`/api/v1/subjects/${uscc}/evaluations`);
    expect(evaluations.status).toBe(200);
    expect(evaluations.body.evaluations ?? []).toEqual([]);
    expect(evaluations.body.notApplicable).toEqual([expect.objectContaining({ schemeId: HENAN, reason: 'SECTOR_OUTSIDE' })]);
  }, 120_000);
});
