import type { DataSource, EntityManager } from 'typeorm';
import { SECTORS } from '@domain/credit';
import { SubjectRegistrationsRepository } from './infrastructure/subject-registrations.repository';

/**
 * Registers subjects in evaluation's copy of the subject registry in every sector, with no
 * registration date (tenure then falls back to licences), as if the registry had announced them:
 * for tests written before schemes were bound to sectors (ADR 0044), so every shipped scheme
 * still grades their subjects by kind and region alone. Revision 1: registering twice changes nothing.
 */
export async function registerInEverySector(
  on: DataSource | EntityManager,
  subjects: readonly { id: string; kind: string }[],
  region = '410000',
): Promise<void> {
  const manager = 'manager' in on ? on.manager : on;
  await SubjectRegistrationsRepository.upsertMany(
    manager,
    subjects
      .filter((s) => s.kind === 'org' || s.kind === 'person')
      .map((s) => ({
        subjectId: s.id,
        kind: s.kind as 'org' | 'person',
        region,
        sectors: [...SECTORS],
        registeredOn: null,
        credit: s.kind === 'org' ? { registered: false, committed: false, selfAssessed: false } : null,
        active: true,
        revision: 1,
        changedAt: '2020-01-01T00:00:00Z',
      })),
  );
}
