import { runUpdate } from '@platform/database';
import { EntityManager } from 'typeorm';
import type { SubjectKind } from '@domain/credit';
import type { CycleGrade } from '../domain/grade-rule';
import { effectiveFleet, PASSENGER_VEHICLE_TYPES, type CarrierFleet, type RecordFacts } from '../domain/record-facts';

interface RecordRow {
  record_id: string;
  record_type: string;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  region: string;
  severity: string;
  decision_date: string;
  payload: Record<string, unknown>;
  standing: boolean;
}

interface FleetRow {
  subject_id: string;
  vehicles: number | null;
  as_of: string | null;
  source: string | null;
  reported_by: string | null;
  registry_vehicles: number;
  registry_as_of: string | null;
}

/** A vehicle as the subject registry announced it (`credit.registry.vehicles.changed`). */
export interface RegistryVehicle {
  plate: string;
  plateColour: string;
  carrierUscc: string | null;
  vehicleType: string;
  region: string;
  active: boolean;
  revision: number;
  changedAt: string;
}

/** A vessel as the subject registry announced it (`credit.registry.vessels.changed`). */
export interface RegistryVessel {
  vesselId: string;
  name: string;
  region: string;
  active: boolean;
  revision: number;
  changedAt: string;
}

const RECORD_COLUMNS = `record_id, record_type, subject_kind, subject_id, subject_name, region, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload, standing`;

function toFacts(row: RecordRow): RecordFacts {
  return {
    recordId: row.record_id,
    recordType: row.record_type,
    subjectKind: row.subject_kind as RecordFacts['subjectKind'],
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    region: row.region,
    severity: row.severity as RecordFacts['severity'],
    decisionDate: row.decision_date,
    payload: row.payload,
    standing: row.standing,
  };
}

/** The record and grade facts entry rules count, copied from collection's and evaluation's events. */
export const subjectFacts = {
  /** Stores a record's facts; a record already ended (revoked before its creation was seen) stays ended. */
  async putRecord(manager: EntityManager, r: RecordFacts): Promise<void> {
    await manager.query(
      `INSERT INTO subject_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, payload, standing)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,true)
       ON CONFLICT (record_id) DO UPDATE SET record_type = EXCLUDED.record_type, subject_kind = EXCLUDED.subject_kind, subject_id = EXCLUDED.subject_id,
         subject_name = EXCLUDED.subject_name, region = EXCLUDED.region, severity = EXCLUDED.severity, decision_date = EXCLUDED.decision_date,
         payload = EXCLUDED.payload, updated_at = now()`,
      [r.recordId, r.recordType, r.subjectKind, r.subjectId, r.subjectName, r.region, r.severity, r.decisionDate, JSON.stringify(r.payload)],
    );
  },

  /**
   * Stores several records' facts in one statement, exactly as `putRecord` on each (a record already
   * ended stays ended), and answers, in the given order, each record as it was before (undefined:
   * not known yet) and as stored. The record ids must be distinct (one row can change once per
   * statement); the `before` rows are read in the statement's own snapshot, i.e. before the insert.
   */
  async putRecords(manager: EntityManager, records: readonly RecordFacts[]): Promise<{ before?: RecordFacts; stored: RecordFacts }[]> {
    if (records.length === 0) return [];
    const input = records.map((r, ord) => ({
      ord,
      record_id: r.recordId,
      record_type: r.recordType,
      subject_kind: r.subjectKind,
      subject_id: r.subjectId,
      subject_name: r.subjectName,
      region: r.region,
      severity: r.severity,
      decision_date: r.decisionDate,
      payload: r.payload,
    }));
    const rows: (Record<'before' | 'stored', RecordRow | null> & { ord: number })[] = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, record_id uuid, record_type text, subject_kind text, subject_id text, subject_name text,
           region text, severity text, decision_date date, payload jsonb)
       ),
       before AS (SELECT ${RECORD_COLUMNS} FROM subject_records WHERE record_id IN (SELECT record_id FROM input)),
       stored AS (
         INSERT INTO subject_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, payload, standing)
         SELECT record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, payload, true FROM input ORDER BY ord
         ON CONFLICT (record_id) DO UPDATE SET record_type = EXCLUDED.record_type, subject_kind = EXCLUDED.subject_kind, subject_id = EXCLUDED.subject_id,
           subject_name = EXCLUDED.subject_name, region = EXCLUDED.region, severity = EXCLUDED.severity, decision_date = EXCLUDED.decision_date,
           payload = EXCLUDED.payload, updated_at = now()
         RETURNING ${RECORD_COLUMNS}
       )
       SELECT i.ord, to_jsonb(b) AS before, to_jsonb(s) AS stored
       FROM input i JOIN stored s ON s.record_id = i.record_id LEFT JOIN before b ON b.record_id = i.record_id
       ORDER BY i.ord`,
      [JSON.stringify(input)],
    );
    if (rows.length !== records.length) throw new Error(`putRecords stored ${rows.length} of ${records.length} records`);
    return rows.map((row) => ({ before: row.before ? toFacts(row.before) : undefined, stored: toFacts(row.stored!) }));
  },

  /**
   * The candidates of a screening (ADR 0052): subjects of these kinds in these regions (GB/T 2260
   * prefixes) that records were collected about (latest name and region) or, for vessels, that the
   * registry lists as active there (registry name and region win for a ship known both ways).
   */
  async subjectsInRegions(
    manager: EntityManager,
    kinds: readonly string[],
    regionPrefixes: readonly string[],
  ): Promise<{ kind: SubjectKind; id: string; name: string; region: string }[]> {
    const rows: { subject_kind: string; subject_id: string; subject_name: string; region: string }[] = await manager.query(
      `SELECT DISTINCT ON (subject_id) subject_kind, subject_id, subject_name, region FROM (
         SELECT 0 AS source, 'vessel' AS subject_kind, vessel_id AS subject_id, name AS subject_name, region, NULL::date AS decision_date, changed_at AS updated_at
           FROM registry_vessels WHERE active AND 'vessel' = ANY($1::text[]) AND region LIKE ANY($2::text[])
         UNION ALL
         SELECT 1, subject_kind, subject_id, subject_name, region, decision_date, updated_at FROM subject_records
          WHERE subject_kind = ANY($1::text[]) AND region LIKE ANY($2::text[]) AND subject_name <> ''
       ) candidates
       ORDER BY subject_id, source, decision_date DESC, updated_at DESC`,
      [kinds, regionPrefixes.map((p) => `${p}%`)],
    );
    return rows.map((r) => ({ kind: r.subject_kind as SubjectKind, id: r.subject_id, name: r.subject_name, region: r.region }));
  },

  /** Stores registry vessels; a revision not newer than the stored one changes nothing. */
  async putRegistryVessels(manager: EntityManager, vessels: readonly RegistryVessel[]): Promise<void> {
    if (vessels.length === 0) return;
    await manager.query(
      `INSERT INTO registry_vessels (vessel_id, name, region, active, revision, changed_at)
       SELECT DISTINCT ON (vessel_id) vessel_id, name, region, active, revision, changed_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::timestamptz[]) AS v (vessel_id, name, region, active, revision, changed_at)
        ORDER BY vessel_id, revision DESC
       ON CONFLICT (vessel_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, active = EXCLUDED.active, revision = EXCLUDED.revision,
         changed_at = EXCLUDED.changed_at, received_at = now()
       WHERE registry_vessels.revision < EXCLUDED.revision`,
      [
        vessels.map((v) => v.vesselId),
        vessels.map((v) => v.name),
        vessels.map((v) => v.region),
        vessels.map((v) => v.active),
        vessels.map((v) => v.revision),
        vessels.map((v) => v.changedAt),
      ],
    );
  },

  /**
   * The records a screening counts (ADR 0052), like `recordsOfSubjects` except that a record whose
   * publicity ended (`expired`) still counts: the violation happened in the window all the same.
   * Revoked (wrong) and repaired (信用修复, DOMAIN.md §5) records do not.
   */
  async screenedRecordsOf(manager: EntityManager, subjectIds: readonly string[], recordTypes: readonly string[]): Promise<RecordFacts[]> {
    if (subjectIds.length === 0 || recordTypes.length === 0) return [];
    const rows: RecordRow[] = await manager.query(
      `SELECT record_id, record_type, subject_kind, subject_id, subject_name, region, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload,
              (standing OR ended_reason = 'expired') AS standing
         FROM subject_records WHERE subject_id = ANY($1::text[]) AND record_type = ANY($2::text[])`,
      [subjectIds, recordTypes],
    );
    return rows.map(toFacts);
  },

  /** The records of several subjects whose type is one of `recordTypes` (one query). */
  async recordsOfSubjects(manager: EntityManager, subjectIds: readonly string[], recordTypes: readonly string[]): Promise<RecordFacts[]> {
    if (subjectIds.length === 0 || recordTypes.length === 0) return [];
    const rows: RecordRow[] = await manager.query(
      `SELECT ${RECORD_COLUMNS} FROM subject_records WHERE subject_id = ANY($1::text[]) AND record_type = ANY($2::text[])`,
      [subjectIds, recordTypes],
    );
    return rows.map(toFacts);
  },

  /**
   * Marks a record as no longer counting. Revocation may be seen before creation (separate
   * consumers): then a placeholder row keeps the end, and the later creation fills the facts.
   */
  async endRecord(
    manager: EntityManager,
    recordId: string,
    reason: 'revoked' | 'expired' | 'repaired',
    subject: { kind: string; id: string },
    recordType: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO subject_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, standing, ended_reason)
       VALUES ($1, $2, $3, $4, '', '', 'minor', '1970-01-01', false, $5)
       ON CONFLICT (record_id) DO UPDATE SET standing = false, ended_reason = EXCLUDED.ended_reason, updated_at = now()`,
      [recordId, recordType, subject.kind, subject.id, reason],
    );
  },

  /** A record ended for `reason` counts again (a repair later revoked); false when it was not ended for that reason. */
  async restoreRecord(manager: EntityManager, recordId: string, reason: 'repaired'): Promise<boolean> {
    const { affected } = await runUpdate(
      manager,
      `UPDATE subject_records SET standing = true, ended_reason = NULL, updated_at = now() WHERE record_id = $1 AND ended_reason = $2`,
      [recordId, reason],
    );
    return affected > 0;
  },

  async recordsOf(manager: EntityManager, subjectId: string, recordType: string): Promise<RecordFacts[]> {
    const rows: RecordRow[] = await manager.query(`SELECT ${RECORD_COLUMNS} FROM subject_records WHERE subject_id = $1 AND record_type = $2`, [
      subjectId,
      recordType,
    ]);
    return rows.map(toFacts);
  },

  async record(manager: EntityManager, recordId: string): Promise<RecordFacts | undefined> {
    const rows: RecordRow[] = await manager.query(`SELECT ${RECORD_COLUMNS} FROM subject_records WHERE record_id = $1`, [recordId]);
    return rows[0] && toFacts(rows[0]);
  },

  /** Whether joint measures knows the subject at all (any record about it has been collected). */
  async knowsSubject(manager: EntityManager, subjectId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM subject_records WHERE subject_id = $1 AND subject_name <> '' LIMIT 1`, [subjectId]);
    return rows.length > 0;
  },

  /** The subject (kind, name, region) as its latest named record gives it; undefined when no record names it. */
  async namedSubject(manager: EntityManager, subjectId: string): Promise<{ kind: SubjectKind; id: string; name: string; region: string } | undefined> {
    const rows: { subject_kind: string; subject_name: string; region: string }[] = await manager.query(
      `SELECT subject_kind, subject_name, region FROM subject_records WHERE subject_id = $1 AND subject_name <> '' ORDER BY decision_date DESC, updated_at DESC LIMIT 1`,
      [subjectId],
    );
    const row = rows[0];
    return row && { kind: row.subject_kind as SubjectKind, id: subjectId, name: row.subject_name, region: row.region };
  },

  /** The subject's name as the latest record about it gives it ('' when no record names it). */
  async nameOf(manager: EntityManager, subjectId: string): Promise<string> {
    const rows: { subject_name: string }[] = await manager.query(
      `SELECT subject_name FROM subject_records WHERE subject_id = $1 AND subject_name <> '' ORDER BY updated_at DESC LIMIT 1`,
      [subjectId],
    );
    return rows[0]?.subject_name ?? '';
  },

  /** The carrier's fleet: its latest reported size, else the registry's count of its vehicles (effectiveFleet). */
  async fleetOf(manager: EntityManager, subjectId: string): Promise<CarrierFleet | undefined> {
    return (await this.fleetsOf(manager, [subjectId])).get(subjectId);
  },

  /**
   * Several carriers' fleets in one query (effectiveFleet): the reported size when there is one,
   * else the count of the carrier's active freight vehicles in the registry (ADR 0044).
   */
  async fleetsOf(manager: EntityManager, subjectIds: readonly string[]): Promise<Map<string, CarrierFleet>> {
    if (subjectIds.length === 0) return new Map();
    const rows: FleetRow[] = await manager.query(
      `SELECT s.subject_id, f.vehicles, to_char(f.as_of, 'YYYY-MM-DD') AS as_of, f.source, f.reported_by,
              r.vehicles AS registry_vehicles, to_char(r.changed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS registry_as_of
         FROM unnest($1::text[]) AS s (subject_id)
         LEFT JOIN carrier_fleets f ON f.subject_id = s.subject_id
         LEFT JOIN LATERAL (SELECT count(*)::int AS vehicles, max(v.changed_at) AS changed_at FROM registry_vehicles v
                             WHERE v.carrier_uscc = s.subject_id AND v.active AND v.vehicle_type <> ALL($2::text[])) r ON true`,
      [[...new Set(subjectIds)], PASSENGER_VEHICLE_TYPES],
    );
    const fleets = new Map<string, CarrierFleet>();
    for (const row of rows) {
      const reported =
        row.vehicles === null
          ? undefined
          : { subjectId: row.subject_id, vehicles: row.vehicles, asOf: row.as_of!, source: row.source!, reportedBy: row.reported_by! };
      const registry = row.registry_vehicles > 0 ? { vehicles: row.registry_vehicles, asOf: row.registry_as_of! } : undefined;
      const fleet = effectiveFleet(row.subject_id, reported, registry);
      if (fleet) fleets.set(row.subject_id, fleet);
    }
    return fleets;
  },

  /**
   * Stores registry vehicles in one statement, each only over a lower revision (of two of one
   * vehicle in the batch, the higher revision wins). Returns the carriers whose counted fleet
   * shrank: a counted vehicle (active, freight) that left them, stopped being active or counted
   * (ADR 0044). A fleet that grows cannot make the fleet-share rule newly hold, so growth is not
   * reported.
   */
  async putRegistryVehicles(manager: EntityManager, vehicles: readonly RegistryVehicle[]): Promise<string[]> {
    const latest = new Map<string, RegistryVehicle>();
    for (const vehicle of vehicles) {
      const key = `${vehicle.plate}\u0000${vehicle.plateColour}`;
      const held = latest.get(key);
      if (!held || vehicle.revision > held.revision) latest.set(key, vehicle);
    }
    const unique = [...latest.values()];
    if (unique.length === 0) return [];
    const rows: { old_carrier: string | null; old_counted: boolean | null; new_carrier: string | null; new_counted: boolean }[] = await manager.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::bigint[], $8::timestamptz[])
                  AS v (plate, plate_colour, carrier_uscc, vehicle_type, region, active, revision, changed_at)),
       held AS (SELECT r.plate, r.plate_colour, r.carrier_uscc, r.active, r.vehicle_type FROM registry_vehicles r JOIN incoming i USING (plate, plate_colour)),
       stored AS (
         INSERT INTO registry_vehicles (plate, plate_colour, carrier_uscc, vehicle_type, region, active, revision, changed_at)
         SELECT plate, plate_colour, carrier_uscc, vehicle_type, region, active, revision, changed_at FROM incoming
         ON CONFLICT (plate, plate_colour) DO UPDATE SET carrier_uscc = EXCLUDED.carrier_uscc, vehicle_type = EXCLUDED.vehicle_type, region = EXCLUDED.region,
            active = EXCLUDED.active, revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at, received_at = now()
          WHERE registry_vehicles.revision < EXCLUDED.revision
         RETURNING plate, plate_colour, carrier_uscc, active, vehicle_type)
       SELECT held.carrier_uscc AS old_carrier, held.active AND held.vehicle_type <> ALL($9::text[]) AS old_counted,
              stored.carrier_uscc AS new_carrier, stored.active AND stored.vehicle_type <> ALL($9::text[]) AS new_counted
         FROM stored LEFT JOIN held USING (plate, plate_colour)`,
      [
        unique.map((v) => v.plate),
        unique.map((v) => v.plateColour),
        unique.map((v) => v.carrierUscc),
        unique.map((v) => v.vehicleType),
        unique.map((v) => v.region),
        unique.map((v) => v.active),
        unique.map((v) => v.revision),
        unique.map((v) => v.changedAt),
        PASSENGER_VEHICLE_TYPES,
      ],
    );
    const shrunk = rows.filter((r) => r.old_carrier && r.old_counted && (r.old_carrier !== r.new_carrier || !r.new_counted)).map((r) => r.old_carrier!);
    return [...new Set(shrunk)];
  },

  /** Stores a fleet report; an older report than the one held changes nothing (returns false). */
  async putFleet(manager: EntityManager, fleet: CarrierFleet): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO carrier_fleets (subject_id, vehicles, as_of, source, reported_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject_id) DO UPDATE SET vehicles = EXCLUDED.vehicles, as_of = EXCLUDED.as_of, source = EXCLUDED.source, reported_by = EXCLUDED.reported_by, updated_at = now()
         WHERE carrier_fleets.as_of <= EXCLUDED.as_of
       RETURNING subject_id`,
      [fleet.subjectId, fleet.vehicles, fleet.asOf, fleet.source, fleet.reportedBy],
    );
    return rows.length === 1;
  },

  async putGrade(manager: EntityManager, subject: { kind: string; id: string; region: string }, g: CycleGrade, recordedAt = new Date()): Promise<void> {
    await manager.query(
      `INSERT INTO subject_grades (subject_id, subject_kind, scheme_id, cycle, grade, points_deducted, region, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (subject_id, scheme_id, cycle) DO UPDATE SET grade = EXCLUDED.grade, points_deducted = EXCLUDED.points_deducted, region = EXCLUDED.region,
         recorded_at = EXCLUDED.recorded_at, updated_at = now()`,
      [subject.id, subject.kind, g.schemeId, g.cycle, g.grade, g.pointsDeducted, subject.region, recordedAt],
    );
  },

  /**
   * Evaluation withdrew the subject's grade under the scheme at `at` (ADR 0046): its cycle grades
   * recorded up to then are no longer facts (deleted; the table's trigger drops the subject from
   * the decision caches), and the withdrawal is kept so a cycle grade recorded before it and
   * delivered after it is not stored. An older withdrawal than the one kept changes nothing.
   */
  async withdrawGrades(manager: EntityManager, subjectId: string, schemeId: string, at: Date, reason: string): Promise<void> {
    await manager.query(
      `INSERT INTO grade_withdrawals (subject_id, scheme_id, withdrawn_at, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_id, scheme_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at, reason = EXCLUDED.reason
         WHERE grade_withdrawals.withdrawn_at < EXCLUDED.withdrawn_at`,
      [subjectId, schemeId, at, reason],
    );
    await manager.query(`DELETE FROM subject_grades WHERE subject_id = $1 AND scheme_id = $2 AND (recorded_at IS NULL OR recorded_at <= $3)`, [
      subjectId,
      schemeId,
      at,
    ]);
  },

  /** Whether the subject's grade under the scheme was withdrawn at or after `recordedAt`. */
  async gradeWithdrawnSince(manager: EntityManager, subjectId: string, schemeId: string, recordedAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM grade_withdrawals WHERE subject_id = $1 AND scheme_id = $2 AND withdrawn_at >= $3`, [
      subjectId,
      schemeId,
      recordedAt,
    ]);
    return rows.length > 0;
  },

  async gradesOf(manager: EntityManager, subjectId: string): Promise<CycleGrade[]> {
    const rows: { scheme_id: string; cycle: string; grade: string; points_deducted: number }[] = await manager.query(
      `SELECT scheme_id, cycle, grade, points_deducted FROM subject_grades WHERE subject_id = $1 ORDER BY scheme_id, cycle`,
      [subjectId],
    );
    return rows.map((r) => ({ schemeId: r.scheme_id, cycle: r.cycle, grade: r.grade, pointsDeducted: r.points_deducted }));
  },
};
