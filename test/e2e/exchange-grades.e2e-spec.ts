import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Json = Record<string, unknown> & { code?: string };
interface MappedGrade {
  schemeId: string;
  grade: string;
  partnerLadder: { tableId: string; ladder: string; grades: string[] } | null;
}

/**
 * Issue 20 item 4: "GET /exchange/v1/subjects/{id}/grade returns our grade and its mapping to the
 * partner's ladder" — the partner was answered 403. Hubei (420000) reads a Henan passenger
 * carrier's grade with the Yangtze four-colour table (apps/evaluation/src/engine/domain/recognition.ts:
 * partner 420000, four-colour; blue counts as green on Henan's traffic-light codes).
 */
describe('mutual recognition for a partner province (issue 20)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'disclosure']);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('answers Hubei with our published grade and the partner grades it corresponds to', async () => {
    const [zhengzhou, hubei] = await Promise.all([platform.token('zhengzhou'), platform.token('hubei-partner')]);
    const body = creditRecordBody();
    // Henan 两客一危 grades road-passenger carriers (ADR 0044); one general penalty keeps it green (DOMAIN.md §3, 1000 − 30).
    await registerSubjects(platform, [{ kind: 'org', id: body.subject.id, sectors: ['road-passenger'] }]);
    const integrator = gatewayApi<Json>(
      () => platform,
      () => zhengzhou,
    );
    expect((await integrator('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);
    const partner = gatewayApi<Json & { grades?: MappedGrade[] }>(
      () => platform,
      () => hubei,
    );
    const answer = await eventually(
      () => partner(`/exchange/v1/subjects/${body.subject.id}/grade`),
      (r) => r.status === 200 && (r.body.grades ?? []).length > 0,
      30_000,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.grades).toEqual([
      {
        schemeId: 'henan-passenger-hazardous-codes',
        schemeName: expect.any(String),
        grade: 'green',
        gradeLabel: '绿码',
        cycle: expect.stringMatching(/^\d{4}-Q[1-4]$/),
        evaluatedAt: expect.any(String),
        partnerLadder: {
          tableId: 'yangtze-four-colour-to-henan-codes',
          ladder: 'four-colour',
          scheme: expect.any(String),
          // Both partner grades the table counts as our green.
          grades: ['green', 'blue'],
          basis: expect.any(Array),
        },
      },
    ]);
  }, 90_000);

  it('refuses an integrator token (scope exchange:read) and answers 404 for an enterprise with nothing published', async () => {
    const [zhengzhou, hubei] = await Promise.all([platform.token('zhengzhou'), platform.token('hubei-partner')]);
    const read = (token: string) =>
      gatewayApi<Json>(
        () => platform,
        () => token,
      )(`/exchange/v1/subjects/${makeUscc('410100')}/grade`);
    const integrator = await read(zhengzhou);
    expect({ status: integrator.status, code: integrator.body.code }).toEqual({ status: 403, code: 'AUTH.INSUFFICIENT_SCOPE' });
    const unknown = await read(hubei);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'PUBLIC.SUBJECT_NOT_FOUND' });
  }, 30_000);
});
