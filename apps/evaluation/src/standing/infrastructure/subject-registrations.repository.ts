import { EntityManager } from 'typeorm';
import type { SubjectRegistration } from '../../engine/domain/standing';
import { RegistryFleetRepository } from './registry-fleet.repository';

/** One registration as the registry announced it (an enterprise or a driver), with its revision. */
export interface RegistrationRow {
  subjectId: string;
  kind: 'org' | 'person';
  region: string;
  sectors: string[];
  registeredOn: string | null;
  /** Null for drivers (no credit statuses). */
  credit: { registered: boolean; committed: boolean; selfAssessed: boolean } | null;
  active: boolean;
  revision: number;
  changedAt: string;
}

/** Evaluation's copy of the subject registry (ADR 0044): the highest revision of each subject. */
export const SubjectRegistrationsRepository = {
  /**
   * Stores registrations in one statement, each only over a lower revision (a late, older one
   * changes nothing); of two of one subject in the batch the higher revision wins, as one after
   * the other. Returns the subjects whose stored registration changed.
   */
  async upsertMany(manager: EntityManager, rows: readonly RegistrationRow[]): Promise<string[]> {
    const latest = new Map<string, RegistrationRow>();
    for (const row of rows) {
      const held = latest.get(row.subjectId);
      if (!held || row.revision > held.revision) latest.set(row.subjectId, row);
    }
    const unique = [...latest.values()];
    if (unique.length === 0) return [];
    const stored: { subject_id: string }[] = await manager.query(
      `INSERT INTO registry_subjects (subject_id, subject_kind, region, sectors, registered_on, credit_registered, credit_committed, credit_self_assessed, active, revision, changed_at)
       SELECT s.subject_id, s.subject_kind, s.region, ARRAY(SELECT jsonb_array_elements_text(s.sectors)), s.registered_on, s.credit_registered, s.credit_committed,
              s.credit_self_assessed, s.active, s.revision, s.changed_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::date[], $6::boolean[], $7::boolean[], $8::boolean[], $9::boolean[], $10::bigint[], $11::timestamptz[])
              AS s (subject_id, subject_kind, region, sectors, registered_on, credit_registered, credit_committed, credit_self_assessed, active, revision, changed_at)
       ON CONFLICT (subject_id) DO UPDATE SET subject_kind = EXCLUDED.subject_kind, region = EXCLUDED.region, sectors = EXCLUDED.sectors,
          registered_on = EXCLUDED.registered_on, credit_registered = EXCLUDED.credit_registered, credit_committed = EXCLUDED.credit_committed,
          credit_self_assessed = EXCLUDED.credit_self_assessed, active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at,
          received_at = now()
        WHERE registry_subjects.revision < EXCLUDED.revision
       RETURNING subject_id`,
      [
        unique.map((r) => r.subjectId),
        unique.map((r) => r.kind),
        unique.map((r) => r.region),
        unique.map((r) => JSON.stringify(r.sectors)),
        unique.map((r) => r.registeredOn),
        unique.map((r) => r.credit?.registered ?? null),
        unique.map((r) => r.credit?.committed ?? null),
        unique.map((r) => r.credit?.selfAssessed ?? null),
        unique.map((r) => r.active),
        unique.map((r) => r.revision),
        unique.map((r) => r.changedAt),
      ],
    );
    return stored.map((r) => r.subject_id);
  },

  /** The registrations of several subjects, with their kind (one query by primary key); subjects the registry does not know are absent. */
  async ofSubjects(manager: EntityManager, subjectIds: readonly string[]): Promise<Map<string, RegisteredSubject>> {
    const found = new Map<string, RegisteredSubject>();
    if (subjectIds.length === 0) return found;
    const rows: RegistrationDbRow[] = await manager.query(
      `SELECT subject_id, subject_kind, region, sectors, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, credit_registered, credit_committed,
              credit_self_assessed, active
         FROM registry_subjects WHERE subject_id = ANY($1::text[])`,
      [subjectIds],
    );
    for (const r of rows) {
      found.set(r.subject_id, {
        kind: r.subject_kind,
        registration: {
          region: r.region,
          sectors: r.sectors,
          registeredOn: r.registered_on,
          credit: { registered: r.credit_registered ?? false, committed: r.credit_committed ?? false, selfAssessed: r.credit_self_assessed ?? false },
          active: r.active,
        },
      });
    }
    // A carrier's fleet (ADR 0053): its active vehicles and drivers, for per-vehicle indicators.
    const fleets = await RegistryFleetRepository.countsOf(manager, [...found.keys()]);
    for (const [subjectId, fleet] of fleets) found.get(subjectId)!.registration.fleet = fleet;
    return found;
  },
};

/** A subject the registry lists: its kind (enterprise or driver) and its registration. */
export interface RegisteredSubject {
  kind: 'org' | 'person';
  registration: SubjectRegistration;
}

interface RegistrationDbRow {
  subject_id: string;
  subject_kind: 'org' | 'person';
  region: string;
  sectors: string[];
  registered_on: string | null;
  credit_registered: boolean | null;
  credit_committed: boolean | null;
  credit_self_assessed: boolean | null;
  active: boolean;
}
