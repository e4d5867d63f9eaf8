import { EntityManager } from 'typeorm';
import type { SubjectKind } from '@domain/credit';
import type { CycleGrade } from '../domain/grade-rule';
import type { CarrierFleet, RecordFacts } from '../domain/record-facts';

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

  /** The carrier's latest reported fleet size, if any. */
  async fleetOf(manager: EntityManager, subjectId: string): Promise<CarrierFleet | undefined> {
    const rows: { subject_id: string; vehicles: number; as_of: string; source: string; reported_by: string }[] = await manager.query(
      `SELECT subject_id, vehicles, to_char(as_of, 'YYYY-MM-DD') AS as_of, source, reported_by FROM carrier_fleets WHERE subject_id = $1`,
      [subjectId],
    );
    const row = rows[0];
    return row && { subjectId: row.subject_id, vehicles: row.vehicles, asOf: row.as_of, source: row.source, reportedBy: row.reported_by };
  },

  /** The latest reported fleet sizes of several carriers (one query). */
  async fleetsOf(manager: EntityManager, subjectIds: readonly string[]): Promise<Map<string, CarrierFleet>> {
    if (subjectIds.length === 0) return new Map();
    const rows: { subject_id: string; vehicles: number; as_of: string; source: string; reported_by: string }[] = await manager.query(
      `SELECT subject_id, vehicles, to_char(as_of, 'YYYY-MM-DD') AS as_of, source, reported_by FROM carrier_fleets WHERE subject_id = ANY($1::text[])`,
      [subjectIds],
    );
    return new Map(
      rows.map((row) => [
        row.subject_id,
        { subjectId: row.subject_id, vehicles: row.vehicles, asOf: row.as_of, source: row.source, reportedBy: row.reported_by },
      ]),
    );
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

  async putGrade(manager: EntityManager, subject: { kind: string; id: string; region: string }, g: CycleGrade): Promise<void> {
    await manager.query(
      `INSERT INTO subject_grades (subject_id, subject_kind, scheme_id, cycle, grade, points_deducted, region) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (subject_id, scheme_id, cycle) DO UPDATE SET grade = EXCLUDED.grade, points_deducted = EXCLUDED.points_deducted, region = EXCLUDED.region, updated_at = now()`,
      [subject.id, subject.kind, g.schemeId, g.cycle, g.grade, g.pointsDeducted, subject.region],
    );
  },

  async gradesOf(manager: EntityManager, subjectId: string): Promise<CycleGrade[]> {
    const rows: { scheme_id: string; cycle: string; grade: string; points_deducted: number }[] = await manager.query(
      `SELECT scheme_id, cycle, grade, points_deducted FROM subject_grades WHERE subject_id = $1 ORDER BY scheme_id, cycle`,
      [subjectId],
    );
    return rows.map((r) => ({ schemeId: r.scheme_id, cycle: r.cycle, grade: r.grade, pointsDeducted: r.points_deducted }));
  },
};
