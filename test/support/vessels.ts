import { randomBytes } from 'node:crypto';
import { usccCheckCharacter } from '@domain/identifiers';
import { eventually } from '@platform/testing';
import { gatewayApi, type ApiResponse } from './gateway-api';
import type { RunningPlatform } from './platform-harness';

type Json = Record<string, unknown> & { code?: string };

/** A ship identification number (船舶识别号: CN + 11 digits), different on every call. */
export function makeVesselId(): string {
  const digits = Array.from(randomBytes(7), (b) => String(b % 10)).join('');
  return `CN2016${digits}`;
}

/** The USCC of a maritime or waterway authority of `region` (11 = 机关, check character computed). */
export function authorityUscc(region: string): string {
  const first17 = `11${region}MB0000001`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * What a water seed scenario does through the gateway with its region's client (issue 17):
 * registers vessels (PUT /api/v1/registry/vessels/{id}), submits records about them, and waits
 * until evaluation's live grade under `schemeId` has the score the seed's rule gives.
 */
export function vesselScenario(platform: () => RunningPlatform, token: () => string) {
  const api = gatewayApi<Json>(platform, token);
  let n = 0;
  return {
    api,
    async register(vessels: readonly { id: string; name: string; region: string }[]): Promise<void> {
      for (const v of vessels) {
        const res = await api(`/api/v1/registry/vessels/${v.id}`, { method: 'PUT', body: { name: v.name, region: v.region, vesselType: 'inland-cargo' } });
        if (res.status !== 200 && res.status !== 201) throw new Error(`registering vessel ${v.id}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    },
    async submit(
      vessel: { id: string; name: string; region: string },
      record: { recordType: string; severity: string; decisionDate: string; payload: Record<string, unknown> },
    ): Promise<ApiResponse<Json>> {
      n += 1;
      const body = {
        ...record,
        subject: { kind: 'vessel', id: vessel.id, name: vessel.name },
        region: vessel.region,
        documentNumber: `${record.recordType}-${vessel.id}-${n}`,
        sourceRecordId: `water-${vessel.id}-${n}-${randomBytes(3).toString('hex')}`,
      };
      return api('/api/v1/credit-records', { method: 'POST', body });
    },
    /** The live evaluation under `schemeId` once it has `score` (records are graded as they arrive). */
    async liveGrade(subjectId: string, schemeId: string, score: number): Promise<{ grade: string; score: number }> {
      const found = await eventually(
        () => api(`/api/v1/subjects/${subjectId}/evaluations`),
        (r) => ((r.body.evaluations ?? []) as { schemeId: string; score: number }[]).some((e) => e.schemeId === schemeId && e.score === score),
        30_000,
      );
      const evaluation = (found.body.evaluations as { schemeId: string; grade: string; score: number }[]).find((e) => e.schemeId === schemeId)!;
      return { grade: evaluation.grade, score: evaluation.score };
    },
  };
}
