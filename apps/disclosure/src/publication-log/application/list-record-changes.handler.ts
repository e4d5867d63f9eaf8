import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
import { feedReadOf, nextOf, SCAN_WINDOW } from './feed-read';

/** A published record as its newest log entry left it (ADR 0079). */
export interface RecordChange {
  position: string;
  event: 'published' | 'corrected' | 'withdrawn' | 'expired';
  publicationVersion: number;
  recordId: string;
  recordType: string;
  subjectId: string;
  subjectName: string;
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  summary: string;
  publishedUntil: string;
  recordVersion: number;
  reason: string;
  effectiveAt: string;
}

export interface RecordChanges {
  changes: RecordChange[];
  /** Where the next read starts: past every entry examined, shared or not. */
  next: string;
  /** The newest log position. */
  head: string;
}

interface Row {
  seq: string;
  content: {
    event: RecordChange['event'];
    recordType: string;
    documentNumber: string;
    decisionDate: string;
    severity: string;
    publishedUntil: string;
    effectiveAt: string;
    reason?: string;
  };
  publication_version: string;
  record_id: string;
  uscc: string;
  subject_name: string;
  region: string;
  summary: string;
  record_version: number;
  withdrawn_reason: string | null;
}

/**
 * The records part of the exchange change feed (ADR 0079): the publication log read after a
 * position, keeping each record's newest entry only (compacted like the list entries' feed, ADR
 * 0068: a state superseded before it is read is not replayed, a withdrawal is never lost because
 * it is the newest state). The log's positions are handed out under the chain's advisory lock in
 * commit order, so a reader never skips an entry that commits late. Only what this province
 * published of its own (a partner's pushed record is the partner's, never sent back), about
 * enterprises registered within the caller's region.
 */
@Injectable()
export class ListRecordChangesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: { after: string; limit: number }): Promise<RecordChanges> {
    const read = feedReadOf(principal, query);
    // The head first, and nothing read beyond it: `next` never passes `head`.
    const [{ head }]: { head: string }[] = await this.dataSource.query(`SELECT COALESCE(max(seq), 0)::text AS head FROM publication_log`);
    const [scan]: { scanned_to: string | null; rows: Row[] }[] = await this.dataSource.query(
      `WITH scanned AS (
         SELECT seq, publication_id, content FROM publication_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3
       ), matched AS (
         SELECT s.seq, s.publication_id, s.content, r.record_id, r.uscc, p.name AS subject_name, COALESCE(r.region, p.region) AS region,
                r.summary, r.record_version, r.withdrawn_reason
           FROM scanned s
           JOIN public_records r ON r.publication_id = s.publication_id
           JOIN public_subjects p ON p.uscc = r.uscc
          WHERE r.partner_region IS NULL
            AND substr(r.uscc, 3, 6) LIKE $4
            AND NOT EXISTS (SELECT 1 FROM publication_log n WHERE n.publication_id = s.publication_id AND n.seq > s.seq)
          ORDER BY s.seq
          LIMIT $5
       )
       SELECT (SELECT max(seq) FROM scanned)::text AS scanned_to,
              COALESCE((SELECT json_agg(x ORDER BY x.ord) FROM (
                SELECT m.seq AS ord, m.seq::text AS seq, m.content, m.record_id, m.uscc, m.subject_name, m.region, m.summary, m.record_version,
                       m.withdrawn_reason,
                       (SELECT count(*) FROM publication_log c WHERE c.publication_id = m.publication_id AND c.seq <= m.seq)::text AS publication_version
                  FROM matched m) x), '[]'::json) AS rows`,
      [read.after, head, SCAN_WINDOW, read.usccRegionPattern, read.limit],
    );
    const changes = scan.rows.map(toChange);
    return { changes, next: nextOf(read, changes, scan.scanned_to), head };
  }
}

function toChange(row: Row): RecordChange {
  const c = row.content;
  return {
    position: row.seq,
    event: c.event,
    publicationVersion: Number(row.publication_version),
    recordId: row.record_id,
    recordType: c.recordType,
    subjectId: row.uscc,
    subjectName: row.subject_name,
    region: row.region,
    severity: c.severity,
    decisionDate: c.decisionDate,
    documentNumber: c.documentNumber,
    summary: row.summary,
    publishedUntil: c.publishedUntil,
    recordVersion: row.record_version,
    reason: c.event === 'withdrawn' || c.event === 'expired' ? (c.reason ?? row.withdrawn_reason ?? c.event) : '',
    effectiveAt: c.effectiveAt,
  };
}
