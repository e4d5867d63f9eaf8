import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { gradeLabelZh } from '@domain/credit';
import type { Principal } from '@platform/auth';
import { feedReadOf, nextOf, SCAN_WINDOW } from './feed-read';

/** An enterprise's public grade under one scheme as its newest change left it (ADR 0085). */
export interface GradeChange {
  position: string;
  state: 'in-force' | 'withdrawn';
  version: number;
  subjectId: string;
  subjectName: string;
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  reason: string;
  effectiveAt: string;
}

export interface GradeChanges {
  changes: GradeChange[];
  /** Where the next read starts: past every change examined, shared or not. */
  next: string;
  /** The newest position. */
  head: string;
}

interface Row {
  position: string;
  version: number;
  uscc: string;
  subject_name: string | null;
  scheme_id: string;
  scheme_name: string | null;
  grade: string;
  cycle_label: string;
  evaluated_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

/**
 * The grades part of the exchange change feed (ADR 0085): public grades read after a position.
 * Each grade row is its newest state and takes a new position at every change (migration
 * PublicGradeChanges), so the read is compacted like the records' one (ADR 0079): a state
 * superseded before it is read is not replayed, a withdrawal is never lost because it is the
 * newest state. Grades are this province's own (evaluation's), about enterprises registered
 * within the caller's region (USCC positions 3–8).
 */
@Injectable()
export class ListGradeChangesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: { after: string; limit: number }): Promise<GradeChanges> {
    const read = feedReadOf(principal, query);
    // The head first, and nothing read beyond it: `next` never passes `head`.
    const [{ head }]: { head: string }[] = await this.dataSource.query(`SELECT COALESCE(max(change_position), 0)::text AS head FROM public_grades`);
    const [scan]: { scanned_to: string | null; rows: Row[] }[] = await this.dataSource.query(
      `WITH scanned AS (
         SELECT * FROM public_grades WHERE change_position > $1 AND change_position <= $2 ORDER BY change_position LIMIT $3
       ), matched AS (
         SELECT s.change_position::text AS position, s.change_version AS version, s.uscc, p.name AS subject_name, s.scheme_id, s.scheme_name,
                s.grade, s.cycle_label, s.evaluated_at, s.withdrawn_at, s.withdrawal_reason
           FROM scanned s LEFT JOIN public_subjects p ON p.uscc = s.uscc
          WHERE substr(s.uscc, 3, 6) LIKE $4
          ORDER BY s.change_position
          LIMIT $5
       )
       SELECT (SELECT max(change_position) FROM scanned)::text AS scanned_to,
              COALESCE((SELECT json_agg(m ORDER BY m.position::bigint) FROM matched m), '[]'::json) AS rows`,
      [read.after, head, SCAN_WINDOW, read.usccRegionPattern, read.limit],
    );
    const changes = scan.rows.map(toChange);
    return { changes, next: nextOf(read, changes, scan.scanned_to), head };
  }
}

function toChange(row: Row): GradeChange {
  const evaluatedAt = new Date(row.evaluated_at).toISOString();
  return {
    position: row.position,
    state: row.withdrawn_at ? 'withdrawn' : 'in-force',
    version: row.version,
    subjectId: row.uscc,
    subjectName: row.subject_name ?? '',
    schemeId: row.scheme_id,
    schemeName: row.scheme_name ?? row.scheme_id,
    grade: row.grade,
    gradeLabel: gradeLabelZh(row.grade),
    cycle: row.cycle_label,
    evaluatedAt,
    reason: row.withdrawn_at ? (row.withdrawal_reason ?? 'withdrawn') : '',
    effectiveAt: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : evaluatedAt,
  };
}
