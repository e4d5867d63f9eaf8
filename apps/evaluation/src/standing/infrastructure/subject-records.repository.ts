import { EntityManager } from 'typeorm';
import type { SubjectKind } from '@domain/credit';
import { runUpdate } from '@platform/database';
import type { ScopedRecordFact, SubjectRegistration, SubjectScope } from '../../engine/domain/standing';
import { SubjectRegistrationsRepository } from './subject-registrations.repository';

export interface StoredRecord {
  recordId: string;
  subjectId: string;
  subjectKind: string;
  region: string;
  recordType: string;
  severity: string;
  decisionDate: string;
  payload: Record<string, unknown>;
  receivedAt: string;
}

export interface SubjectHistory {
  subjectId: string;
  kind: SubjectKind;
  records: ScopedRecordFact[];
  /** The subject registry's entry (ADR 0044), null when the registry does not know the subject. */
  registration: SubjectRegistration | null;
}

/** Evaluation's own copy of the records it was told about (it never reads collection's schema). */
export const SubjectRecordsRepository = {
  /** Stores a record once; a withdrawal that arrived first is applied to it. */
  async insert(manager: EntityManager, record: StoredRecord): Promise<void> {
    await markRankingsStale(manager, [record.decisionDate]);
    await manager.query(
      `INSERT INTO subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at, withdrawn_at, withdrawn_reason)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, w.withdrawn_at, w.reason
         FROM (SELECT 1) one LEFT JOIN record_withdrawals w ON w.record_id = $1
       ON CONFLICT (record_id) DO NOTHING`,
      [
        record.recordId,
        record.subjectId,
        record.subjectKind,
        record.region,
        record.recordType,
        record.severity,
        record.decisionDate,
        JSON.stringify(record.payload),
        record.receivedAt,
      ],
    );
  },

  /**
   * `insert` for many records in one statement (a batch of `credit.records.created`, ADR 0033):
   * each stored once — the first of two copies of a record id wins, as it would one after the
   * other — with a withdrawal that arrived first applied to it.
   */
  async insertMany(manager: EntityManager, records: readonly StoredRecord[]): Promise<void> {
    const seen = new Set<string>();
    const unique = records.filter((r) => !seen.has(r.recordId) && seen.add(r.recordId));
    if (unique.length === 0) return;
    await markRankingsStale(
      manager,
      unique.map((r) => r.decisionDate),
    );
    await manager.query(
      `INSERT INTO subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at, withdrawn_at, withdrawn_reason)
       SELECT r.record_id, r.subject_id, r.subject_kind, r.region, r.record_type, r.severity, r.decision_date, r.payload, r.received_at, w.withdrawn_at, w.reason
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::jsonb[], $9::timestamptz[])
              AS r (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
         LEFT JOIN record_withdrawals w ON w.record_id = r.record_id
       ON CONFLICT (record_id) DO NOTHING`,
      [
        unique.map((r) => r.recordId),
        unique.map((r) => r.subjectId),
        unique.map((r) => r.subjectKind),
        unique.map((r) => r.region),
        unique.map((r) => r.recordType),
        unique.map((r) => r.severity),
        unique.map((r) => r.decisionDate),
        unique.map((r) => JSON.stringify(r.payload)),
        unique.map((r) => r.receivedAt),
      ],
    );
  },

  /**
   * Applies a correction (the record's severity, decision date and payload as they now stand);
   * false when the record is not stored yet (its creation is still on its way).
   */
  async correct(
    manager: EntityManager,
    recordId: string,
    facts: { severity: string; decisionDate: string; payload: Record<string, unknown> },
  ): Promise<boolean> {
    // Rankings of the periods of the old and of the new decision date both change.
    const before: { decision_date: string }[] = await manager.query(
      `SELECT to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM subject_records WHERE record_id = $1`,
      [recordId],
    );
    await markRankingsStale(manager, [facts.decisionDate, ...before.map((r) => r.decision_date)]);
    const { affected } = await runUpdate(manager, `UPDATE subject_records SET severity = $2, decision_date = $3, payload = $4 WHERE record_id = $1`, [
      recordId,
      facts.severity,
      facts.decisionDate,
      JSON.stringify(facts.payload),
    ]);
    return affected > 0;
  },

  /** Marks a record withdrawn from `at` on (revoked, expired, repaired). Idempotent: the first withdrawal wins. */
  async withdraw(manager: EntityManager, recordId: string, at: Date, reason: string): Promise<void> {
    await manager.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`, [
      recordId,
      at,
      reason,
    ]);
    await manager.query(`UPDATE subject_records SET withdrawn_at = $2, withdrawn_reason = $3 WHERE record_id = $1 AND withdrawn_at IS NULL`, [
      recordId,
      at,
      reason,
    ]);
  },

  /**
   * Undoes a withdrawal whose reason starts with `reasonPrefix` (a repair later revoked, issue 19
   * item 8): the record counts again. A withdrawal for another reason stays. False: nothing undone.
   */
  async restore(manager: EntityManager, recordId: string, reasonPrefix: string): Promise<boolean> {
    await manager.query(`DELETE FROM record_withdrawals WHERE record_id = $1 AND starts_with(reason, $2)`, [recordId, reasonPrefix]);
    const { affected } = await runUpdate(
      manager,
      `UPDATE subject_records SET withdrawn_at = NULL, withdrawn_reason = NULL WHERE record_id = $1 AND starts_with(withdrawn_reason, $2)`,
      [recordId, reasonPrefix],
    );
    return affected > 0;
  },

  /**
   * `withdraw` for many records in two statements (a batch of revocations or expiries, ADR 0033).
   * Of two withdrawals of one record the first wins, as it would one after the other.
   */
  async withdrawMany(manager: EntityManager, withdrawals: readonly { recordId: string; at: Date; reason: string }[]): Promise<void> {
    const seen = new Set<string>();
    const unique = withdrawals.filter((w) => !seen.has(w.recordId) && seen.add(w.recordId));
    if (unique.length === 0) return;
    // toISOString throws on an invalid instant, as the single statement would fail on it.
    const params = [unique.map((w) => w.recordId), unique.map((w) => w.at.toISOString()), unique.map((w) => w.reason)];
    await manager.query(
      `INSERT INTO record_withdrawals (record_id, withdrawn_at, reason)
       SELECT record_id, withdrawn_at, reason FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS w (record_id, withdrawn_at, reason)
       ON CONFLICT (record_id) DO NOTHING`,
      params,
    );
    await manager.query(
      `UPDATE subject_records r SET withdrawn_at = w.withdrawn_at, withdrawn_reason = w.reason
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS w (record_id, withdrawn_at, reason)
        WHERE r.record_id = w.record_id AND r.withdrawn_at IS NULL`,
      params,
    );
  },

  async history(manager: EntityManager, subjectId: string): Promise<SubjectHistory | undefined> {
    return (await this.histories(manager, [subjectId])).get(subjectId);
  },

  /**
   * Many subjects' records in one query (cycle close, simulation); only records received by
   * `receivedBy` when given, and only those decided by `decidedBy` (a ranking's period end) when
   * given; with their registrations (a second query, by primary key). The registration is the
   * current one even for a past `receivedBy` (the registry's history is not kept here; ADR 0044).
   * A subject the registry lists but with no such record has a history with no records (ADR 0051:
   * a scheme that grades registered subjects grades it all the same); one neither has is absent.
   */
  async histories(manager: EntityManager, subjectIds: readonly string[], receivedBy?: Date, decidedBy?: string): Promise<Map<string, SubjectHistory>> {
    const histories = new Map<string, SubjectHistory>();
    if (subjectIds.length === 0) return histories;
    const rows: RecordRow[] = await manager.query(
      `SELECT subject_id, record_id, subject_kind, region, record_type, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload, received_at, withdrawn_at
         FROM subject_records WHERE subject_id = ANY($1::text[]) AND ($2::timestamptz IS NULL OR received_at < $2::timestamptz + interval '1 millisecond') AND ($3::date IS NULL OR decision_date <= $3)
        ORDER BY subject_id, received_at, record_id`,
      [subjectIds, receivedBy ?? null, decidedBy ?? null],
    );
    for (const r of rows) {
      let history = histories.get(r.subject_id);
      if (!history) {
        history = { subjectId: r.subject_id, kind: r.subject_kind, records: [], registration: null };
        histories.set(r.subject_id, history);
      }
      history.records.push({
        id: r.record_id,
        type: r.record_type,
        severity: r.severity,
        decisionDate: r.decision_date,
        payload: r.payload,
        region: r.region,
        receivedAt: r.received_at.toISOString(),
        withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
      });
    }
    const registered = await SubjectRegistrationsRepository.ofSubjects(manager, subjectIds);
    for (const [subjectId, { kind, registration }] of registered) {
      const history = histories.get(subjectId);
      if (history) history.registration = registration;
      else histories.set(subjectId, { subjectId, kind, records: [], registration });
    }
    // Callers read subjects in the order asked for (subject id order for chunks).
    return new Map(subjectIds.flatMap((id) => (histories.has(id) ? [[id, histories.get(id)!] as const] : [])));
  },

  /**
   * Subjects in a scheme's scope, in id order after `after` (keyset pages): those with a record of
   * its kinds filed under its regions (received by `receivedBy`, decided by `decidedBy`, each if
   * given), and, for a scheme that grades registered subjects (ADR 0051), the active subjects the
   * registry lists under its regions (first heard of by `receivedBy`, if given). One statement.
   */
  async subjectsInScope(manager: EntityManager, scope: SubjectScope, after: string, limit: number, receivedBy?: Date, decidedBy?: string): Promise<string[]> {
    const rows: { subject_id: string }[] = await manager.query(`SELECT subject_id FROM (${SCOPE_SQL}) s WHERE subject_id > $6 ORDER BY subject_id LIMIT $7`, [
      ...scopeParams(scope, receivedBy, decidedBy),
      after,
      limit,
    ]);
    return rows.map((r) => r.subject_id);
  },

  /** How many subjects `subjectsInScope` pages through (a cycle's `total`). */
  async countInScope(manager: EntityManager, scope: SubjectScope, receivedBy?: Date, decidedBy?: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM (${SCOPE_SQL}) s`, scopeParams(scope, receivedBy, decidedBy));
    return row!.n;
  },
};

/**
 * The subjects of a scope (parameters $1–$5, see `scopeParams`): with a record in scope, or listed
 * active by the registry when registered subjects count. A cutoff comes from a JavaScript clock
 * (milliseconds) and PostgreSQL stamps microseconds: "received by the cutoff" covers its whole
 * millisecond, so a row stamped in the same millisecond just before the cutoff is not left out.
 */
const SCOPE_SQL = `SELECT subject_id FROM subject_records
    WHERE subject_kind = ANY($1::text[]) AND region LIKE ANY($2::text[]) AND ($3::timestamptz IS NULL OR received_at < $3::timestamptz + interval '1 millisecond')
      AND ($4::date IS NULL OR decision_date <= $4)
  UNION
  SELECT subject_id FROM registry_subjects
    WHERE $5::boolean AND active AND subject_kind = ANY($1::text[]) AND region LIKE ANY($2::text[]) AND ($3::timestamptz IS NULL OR first_received_at < $3::timestamptz + interval '1 millisecond')`;

/** $1 kinds, $2 region LIKE patterns, $3 received by, $4 decided by, $5 whether registered subjects count. */
function scopeParams(scope: SubjectScope, receivedBy?: Date, decidedBy?: string): unknown[] {
  return [scope.kinds, scope.regionPatterns, receivedBy ?? null, decidedBy ?? null, scope.registeredSubjects];
}

/**
 * Period rankings count a record in the period of its decision date (issue 16; ADR 0045): a
 * ranking of a period ending on or after the earliest of `decisionDates` no longer holds once the
 * record is stored or corrected, so it is marked stale (in the caller's transaction) and graded
 * again on its next request. One statement; already-stale rankings are left alone.
 */
async function markRankingsStale(manager: EntityManager, decisionDates: readonly string[]): Promise<void> {
  if (decisionDates.length === 0) return;
  const earliest = decisionDates.reduce((a, b) => (b < a ? b : a));
  await manager.query(`UPDATE evaluation_cycles SET stale_since = now() WHERE purpose = 'ranking' AND stale_since IS NULL AND end_date >= $1::date`, [
    earliest,
  ]);
}

interface RecordRow {
  subject_id: string;
  record_id: string;
  subject_kind: SubjectKind;
  region: string;
  record_type: string;
  severity: string;
  decision_date: string;
  payload: Record<string, unknown>;
  received_at: Date;
  withdrawn_at: Date | null;
}
