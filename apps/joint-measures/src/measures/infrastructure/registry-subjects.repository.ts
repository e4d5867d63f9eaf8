import { EntityManager } from 'typeorm';

/** A registered enterprise's or driver's sectors as joint measures keeps them (ADR 0055). */
export interface RegistrySubject {
  subjectId: string;
  kind: 'org' | 'person';
  sectors: string[];
  active: boolean;
  revision: number;
  changedAt: string;
}

/**
 * Stores registrations in one statement, the highest revision per subject winning (an older
 * revision arriving late changes nothing). The NOTIFY trigger drops each changed subject from
 * every replica's decision cache after commit.
 */
export async function putRegistrySubjects(manager: EntityManager, subjects: readonly RegistrySubject[]): Promise<void> {
  const latest = new Map<string, RegistrySubject>();
  for (const s of subjects) {
    const held = latest.get(s.subjectId);
    if (!held || s.revision > held.revision) latest.set(s.subjectId, s);
  }
  const rows = [...latest.values()];
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO registry_subjects (subject_id, kind, sectors, active, revision, changed_at)
     SELECT subject_id, kind, ARRAY(SELECT jsonb_array_elements_text(sectors::jsonb)), active, revision, changed_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::timestamptz[])
            AS r (subject_id, kind, sectors, active, revision, changed_at)
     ON CONFLICT (subject_id) DO UPDATE SET kind = EXCLUDED.kind, sectors = EXCLUDED.sectors, active = EXCLUDED.active,
        revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at, received_at = now()
      WHERE registry_subjects.revision < EXCLUDED.revision`,
    [
      rows.map((r) => r.subjectId),
      rows.map((r) => r.kind),
      rows.map((r) => JSON.stringify(r.sectors)),
      rows.map((r) => r.active),
      rows.map((r) => r.revision),
      rows.map((r) => r.changedAt),
    ],
  );
}
