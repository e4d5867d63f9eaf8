import { creditRecordBody } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Profile {
  grades?: { schemeId: string; grade: string; score: number; cycle: string }[];
  penalties?: unknown[];
}

/** Disclosure issue: an enterprise's grades appear on its public profile as evaluation changes them. */
describe('grades on the public profile', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'disclosure']);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('shows the Henan red/yellow/green grade a penalty produced, with its cycle', async () => {
    const token = await platform.token('zhengzhou');
    const body = creditRecordBody();
    const created = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const profile = () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${body.subject.id}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
    const shown = await eventually(profile, (p) => (p.grades ?? []).length > 0, 30_000);
    expect(shown.grades).toEqual([expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', grade: 'green', score: 970, cycle: expect.stringMatching(/^\d{4}-Q[1-4]$/) })]);
    expect(shown.penalties).toHaveLength(1);
  }, 60_000);
});
