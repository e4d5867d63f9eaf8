import { randomUUID } from 'node:crypto';
import { EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1 } from '@contracts';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { TEST_NATS_URL } from '@platform/testing';
import type { RunningPlatform } from './platform-harness';

/** A subject as the registry would announce it; enterprises by USCC, drivers by citizen id. */
export type Registration =
  | { kind: 'org'; id: string; sectors: string[]; region?: string; registeredOn?: string | null }
  | { kind: 'person'; id: string; sectors: string[]; region?: string; qualifiedOn?: string | null };

/**
 * Publishes subject registry changes (`credit.registry.enterprises|drivers.changed`, the events
 * collection's registry announces) straight to the platform's JetStream, as collection would:
 * until the registry API is on the gateway, e2e specs register their subjects this way (ADR 0044:
 * sector-bound schemes grade only registered subjects of their sectors).
 */
export async function registerSubjects(platform: RunningPlatform, registrations: readonly Registration[], revision = 1): Promise<void> {
  const handles = await connectJetStream(TEST_NATS_URL, 'e2e-registry');
  const ns = new MessagingNamespace(platform.natsPrefix);
  try {
    for (const r of registrations) {
      const changedAt = new Date().toISOString();
      const region = r.region ?? '410100';
      const [subject, data] =
        r.kind === 'org'
          ? [
              Events.RegistryEnterpriseChanged.subject,
              {
                uscc: r.id,
                name: '某运输有限公司',
                region,
                sectors: r.sectors,
                licences: [],
                registeredOn: r.registeredOn ?? null,
                credit: { registered: false, committed: false, selfAssessed: false },
                active: true,
                revision,
                source: 'api',
                changedAt,
              } satisfies RegistryEnterpriseChangedV1,
            ]
          : [
              Events.RegistryDriverChanged.subject,
              {
                citizenId: r.id,
                name: '张师傅',
                qualificationCertificate: null,
                qualificationSectors: r.sectors,
                employerUscc: null,
                previousEmployerUscc: null,
                region,
                qualifiedOn: r.qualifiedOn ?? null,
                active: true,
                revision,
                source: 'api',
                changedAt,
              } satisfies RegistryDriverChangedV1,
            ];
      const envelope: EventEnvelope<unknown> = { id: randomUUID(), type: subject, version: 1, occurredAt: changedAt, subjectId: r.id, region, data };
      await handles.js.publish(ns.subject(subject), JSON.stringify(envelope), { msgID: envelope.id });
    }
  } finally {
    await handles.nc.close();
  }
}
