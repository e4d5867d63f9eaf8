import { eventually } from '@platform/testing';
import { gatewayApi } from './gateway-api';
import type { RunningPlatform } from './platform-harness';

export interface RankedSubject {
  subjectId: string;
  grade: string;
  score: number;
}

/** How many records evaluation holds about these subjects (wait on it before closing a cycle). */
export async function recordsHeld(platform: RunningPlatform, subjectIds: readonly string[]): Promise<number> {
  const rows = await platform.db.query(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE subject_id = ANY($1)`, [subjectIds]);
  return (rows[0] as { n: number }).n;
}

/**
 * Closes a scheme's cycle through the gateway as a regulator (POST /api/v1/evaluation-cycles, 202),
 * waits until it completes and reads its subject rankings: what the seed scenarios (issue 17) do
 * before asking for decisions or draws, which use closed-cycle grades only.
 */
export async function closeCycle(platform: RunningPlatform, token: string, schemeId: string, period: string, timeoutMs = 30_000) {
  const api = gatewayApi<Record<string, unknown>>(
    () => platform,
    () => token,
  );
  const accepted = await api('/api/v1/evaluation-cycles', { method: 'POST', body: { schemeId, period } });
  expect(accepted.status).toBe(202);
  const id = accepted.body.id as string;
  const closed = await eventually(
    () => api(`/api/v1/evaluation-cycles/${id}`),
    (r) => r.body.status === 'completed',
    timeoutMs,
  );
  const rankings = await api(`/api/v1/evaluation-cycles/${id}/rankings?by=subject&limit=500`);
  expect(rankings.status).toBe(200);
  const subjects = rankings.body.subjects as RankedSubject[];
  return { closed, subjects, ranked: new Map(subjects.map((s) => [s.subjectId, s])) };
}
