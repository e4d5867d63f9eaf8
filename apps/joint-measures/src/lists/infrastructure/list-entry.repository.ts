import { EntityManager } from 'typeorm';
import type { ListEntryV1 } from '@contracts';
import type { ListEntry } from '../domain/list-entry';

interface Row {
  id: string;
  list_type: string;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  region: string;
  status: string;
  origin: string;
  rule_id: string | null;
  basis: ListEntry['basis'];
  grounds: string;
  provenance: ListEntry['provenance'];
  proposed_on: string;
  notice_ends_on: string;
  duration_months: number | null;
  decision: ListEntry['decision'];
  starts_on: string | null;
  ends_on: string | null;
  removal: ListEntry['removal'];
  recognition: ListEntry['recognition'];
  source_version: number | null;
  partner_updates: ListEntry['partnerUpdates'];
  version: number;
}

const COLUMNS = `id, list_type, subject_kind, subject_id, subject_name, region, status, origin, rule_id, basis, grounds, provenance,
  to_char(proposed_on, 'YYYY-MM-DD') AS proposed_on, to_char(notice_ends_on, 'YYYY-MM-DD') AS notice_ends_on, duration_months, decision,
  to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, removal, recognition, source_version, partner_updates, version`;

function toEntry(row: Row): ListEntry {
  return {
    id: row.id,
    listType: row.list_type as ListEntry['listType'],
    subject: { kind: row.subject_kind as ListEntry['subject']['kind'], id: row.subject_id, name: row.subject_name },
    region: row.region,
    status: row.status as ListEntry['status'],
    origin: row.origin as ListEntry['origin'],
    ruleId: row.rule_id,
    basis: row.basis,
    grounds: row.grounds,
    provenance: row.provenance,
    proposedOn: row.proposed_on,
    noticeEndsOn: row.notice_ends_on,
    durationMonths: row.duration_months,
    decision: row.decision,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    removal: row.removal,
    recognition: row.recognition,
    sourceVersion: row.source_version,
    partnerUpdates: row.partner_updates,
    version: row.version,
  };
}

/** The event payload (and API view) of an entry. */
export function entryView(entry: ListEntry): ListEntryV1 {
  const { id, ...rest } = entry;
  return {
    entryId: id,
    listType: rest.listType,
    subject: rest.subject,
    region: rest.region,
    status: rest.status,
    origin: rest.origin,
    ruleId: rest.ruleId,
    grounds: rest.grounds,
    basis: rest.basis,
    provenance: rest.provenance,
    proposedOn: rest.proposedOn,
    noticeEndsOn: rest.noticeEndsOn,
    startsOn: rest.startsOn,
    endsOn: rest.endsOn,
    decision: rest.decision,
    removal: rest.removal,
    version: rest.version,
  };
}

/** List entries in joint measures' schema; every write runs in the caller's transaction. */
export const listEntries = {
  /** Inserts a new entry; returns false when an open entry of the same rule already exists (or the partner entry was imported before). */
  async insert(manager: EntityManager, e: ListEntry): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO list_entries (id, list_type, subject_kind, subject_id, subject_name, region, status, origin, rule_id, basis, grounds, provenance,
          proposed_on, notice_ends_on, duration_months, decision, starts_on, ends_on, removal, version, recognition, source_version, partner_updates)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        e.id,
        e.listType,
        e.subject.kind,
        e.subject.id,
        e.subject.name,
        e.region,
        e.status,
        e.origin,
        e.ruleId,
        JSON.stringify(e.basis),
        e.grounds,
        e.provenance ? JSON.stringify(e.provenance) : null,
        e.proposedOn,
        e.noticeEndsOn,
        e.durationMonths,
        e.decision ? JSON.stringify(e.decision) : null,
        e.startsOn,
        e.endsOn,
        e.removal ? JSON.stringify(e.removal) : null,
        e.version,
        e.recognition ? JSON.stringify(e.recognition) : null,
        e.sourceVersion,
        JSON.stringify(e.partnerUpdates),
      ],
    );
    return rows.length === 1;
  },

  /** Writes a changed entry (status, decision, dates, removal, basis). */
  async update(manager: EntityManager, e: ListEntry): Promise<void> {
    await manager.query(
      `UPDATE list_entries SET status = $2, basis = $3, decision = $4, starts_on = $5, ends_on = $6, removal = $7, version = $8, updated_at = now() WHERE id = $1`,
      [
        e.id,
        e.status,
        JSON.stringify(e.basis),
        e.decision ? JSON.stringify(e.decision) : null,
        e.startsOn,
        e.endsOn,
        e.removal ? JSON.stringify(e.removal) : null,
        e.version,
      ],
    );
  },

  /**
   * Writes a partner's entry changed by a newer version it sent (ADR 0087): besides what `update`
   * writes, what the partner decides (subject name, grounds, provenance), the recognition checked
   * again, the source version and the audit of updates.
   */
  async updateFromPartner(manager: EntityManager, e: ListEntry): Promise<void> {
    await manager.query(
      `UPDATE list_entries SET status = $2, subject_name = $3, grounds = $4, provenance = $5, decision = $6, starts_on = $7, ends_on = $8, removal = $9,
          recognition = $10, source_version = $11, partner_updates = $12, version = $13, updated_at = now() WHERE id = $1`,
      [
        e.id,
        e.status,
        e.subject.name,
        e.grounds,
        e.provenance ? JSON.stringify(e.provenance) : null,
        e.decision ? JSON.stringify(e.decision) : null,
        e.startsOn,
        e.endsOn,
        e.removal ? JSON.stringify(e.removal) : null,
        e.recognition ? JSON.stringify(e.recognition) : null,
        e.sourceVersion,
        JSON.stringify(e.partnerUpdates),
        e.version,
      ],
    );
  },

  async lock(manager: EntityManager, id: string): Promise<ListEntry | undefined> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM list_entries WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] && toEntry(rows[0]);
  },

  async get(manager: EntityManager, id: string): Promise<ListEntry | undefined> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM list_entries WHERE id = $1`, [id]);
    return rows[0] && toEntry(rows[0]);
  },

  /** The entry a partner sent under its reference (one per partner region and reference). */
  async ofPartnerReference(manager: EntityManager, partnerRegion: string, sourceReference: string): Promise<ListEntry | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' = $1 AND provenance->>'sourceReference' = $2`,
      [partnerRegion, sourceReference],
    );
    return rows[0] && toEntry(rows[0]);
  },

  /** The entry a partner sent under its reference, locked for change (a newer version updates it). */
  async lockOfPartnerReference(manager: EntityManager, partnerRegion: string, sourceReference: string): Promise<ListEntry | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' = $1 AND provenance->>'sourceReference' = $2 FOR UPDATE`,
      [partnerRegion, sourceReference],
    );
    return rows[0] && toEntry(rows[0]);
  },

  /**
   * Entries partners sent, newest first: of partner regions starting with `regionPrefix` (a
   * province's code without its trailing zeros; '' for all), in one of `statuses` (empty: any).
   */
  async ofPartners(manager: EntityManager, regionPrefix: string, statuses: readonly string[], limit: number): Promise<ListEntry[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' LIKE $1 || '%'
         AND (cardinality($2::text[]) = 0 OR status = ANY($2::text[])) ORDER BY proposed_on DESC, id DESC LIMIT $3`,
      [regionPrefix, statuses, limit],
    );
    return rows.map(toEntry);
  },

  /** Entries changed after `after`, in change order, with their position; and the newest position there is. */
  async changesAfter(manager: EntityManager, after: string, limit: number): Promise<{ changes: { position: string; entry: ListEntry }[]; head: string }> {
    const rows: (Row & { change_seq: string })[] = await manager.query(
      `SELECT ${COLUMNS}, change_seq FROM list_entries WHERE change_seq > $1 ORDER BY change_seq LIMIT $2`,
      [after, limit],
    );
    const [{ head }]: { head: string }[] = await manager.query(`SELECT COALESCE(max(change_seq), 0)::text AS head FROM list_entries`);
    return { changes: rows.map((r) => ({ position: String(r.change_seq), entry: toEntry(r) })), head };
  },

  /** Every entry of a subject, current and past, newest first. */
  async ofSubject(manager: EntityManager, subjectId: string): Promise<ListEntry[]> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM list_entries WHERE subject_id = $1 ORDER BY proposed_on DESC, id DESC`, [subjectId]);
    return rows.map(toEntry);
  },

  /** Open (proposed or effective) entries whose basis names the record, locked for change. */
  async lockOpenWithRecord(manager: EntityManager, recordId: string): Promise<ListEntry[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE status IN ('proposed', 'effective') AND basis @> $1::jsonb ORDER BY id FOR UPDATE`,
      [JSON.stringify([{ recordId }])],
    );
    return rows.map(toEntry);
  },

  /**
   * Which rules already have an open entry for each of these subjects: the keys of the unique
   * index list_entries_open_per_rule (list type, subject, rule), on which a proposal does nothing.
   */
  async openRuleKeys(manager: EntityManager, subjectIds: readonly string[]): Promise<{ listType: string; subjectId: string; ruleId: string }[]> {
    if (subjectIds.length === 0) return [];
    const rows: { list_type: string; subject_id: string; rule_id: string }[] = await manager.query(
      `SELECT list_type, subject_id, rule_id FROM list_entries WHERE subject_id = ANY($1::text[]) AND status IN ('proposed', 'effective') AND rule_id IS NOT NULL`,
      [subjectIds],
    );
    return rows.map((r) => ({ listType: r.list_type, subjectId: r.subject_id, ruleId: r.rule_id }));
  },

  /** Open (proposed or effective) entries of these subjects, locked for change (a screening ends some). */
  async lockOpenOfSubjects(manager: EntityManager, subjectIds: readonly string[]): Promise<ListEntry[]> {
    if (subjectIds.length === 0) return [];
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE subject_id = ANY($1::text[]) AND status IN ('proposed', 'effective') ORDER BY id FOR UPDATE`,
      [subjectIds],
    );
    return rows.map(toEntry);
  },

  /** Effective entries past their last day, locked (SKIP LOCKED: replicas share the sweep). */
  async lockExpired(manager: EntityManager, today: string, limit: number): Promise<ListEntry[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM list_entries WHERE status = 'effective' AND ends_on < $1 ORDER BY ends_on, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map(toEntry);
  },
};
