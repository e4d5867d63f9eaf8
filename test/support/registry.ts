import { gatewayApi } from './gateway-api';
import type { RunningPlatform } from './platform-harness';

/** A subject to register; enterprises by USCC, drivers by citizen id. */
export type Registration =
  | { kind: 'org'; id: string; sectors: string[]; region?: string; registeredOn?: string | null }
  | { kind: 'person'; id: string; sectors: string[]; region?: string; qualifiedOn?: string | null };

/**
 * Registers subjects the way an integrator does: `PUT /api/v1/registry/enterprises|drivers/{id}`
 * through the gateway (Henan's client), so collection's registry announces them and evaluation
 * grades them by sector (ADR 0042, ADR 0044: sector-bound schemes grade only registered subjects
 * of their sectors). The platform must run collection and the gateway.
 */
export async function registerSubjects(platform: RunningPlatform, registrations: readonly Registration[]): Promise<void> {
  const token = await platform.token('henan');
  const api = gatewayApi<{ outcome?: string }>(
    () => platform,
    () => token,
  );
  for (const r of registrations) {
    const region = r.region ?? '410100';
    const [path, body] =
      r.kind === 'org'
        ? [
            `/api/v1/registry/enterprises/${encodeURIComponent(r.id)}`,
            { name: '某运输有限公司', region, declaredSectors: r.sectors, ...(r.registeredOn ? { registeredOn: r.registeredOn } : {}) },
          ]
        : [
            `/api/v1/registry/drivers/${encodeURIComponent(r.id)}`,
            { name: '张师傅', region, qualificationSectors: r.sectors, ...(r.qualifiedOn ? { qualifiedOn: r.qualifiedOn } : {}) },
          ];
    const res = await api(path, { method: 'PUT', body });
    if (res.status !== 200 && res.status !== 201) throw new Error(`registering ${r.kind} ${r.id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
