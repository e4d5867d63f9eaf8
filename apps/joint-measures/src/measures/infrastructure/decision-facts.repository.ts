import { EntityManager } from 'typeorm';
import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import type { StandingRecord } from '../../entry-rules/domain/entry-rule';
import { recognisedPartnerGrades } from '../../entry-rules/infrastructure/recognised-partner-grades.repository';
import { listEntries } from '../../lists/infrastructure/list-entry.repository';
import type { SubjectFacts } from '../domain/subject-facts';

/** Reads a subject's facts, the queries in parallel on the pool. */
export async function readSubjectFacts(manager: EntityManager, subjectId: string): Promise<SubjectFacts> {
  const [entries, records, grades, registered, recognised] = await Promise.all([
    listEntries.ofSubject(manager, subjectId),
    manager.query(
      `SELECT record_id, record_type, subject_kind, subject_id, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload, standing, subject_name
         FROM subject_records WHERE subject_id = $1`,
      [subjectId],
    ) as Promise<
      {
        record_id: string;
        record_type: string;
        subject_kind: string;
        subject_id: string;
        severity: string;
        decision_date: string;
        payload: Record<string, unknown>;
        standing: boolean;
        subject_name: string;
      }[]
    >,
    // The latest cycle per scheme.
    manager.query(
      `SELECT DISTINCT ON (scheme_id) scheme_id, cycle, grade, points_deducted FROM subject_grades WHERE subject_id = $1 ORDER BY scheme_id, cycle DESC`,
      [subjectId],
    ) as Promise<{ scheme_id: string; cycle: string; grade: string; points_deducted: number }[]>,
    manager.query(`SELECT sectors FROM registry_subjects WHERE subject_id = $1`, [subjectId]) as Promise<{ sectors: string[] }[]>,
    recognisedPartnerGrades.ofSubject(manager, subjectId),
  ]);
  const standing: StandingRecord[] = records
    .filter((r) => r.standing)
    .map((r) => ({
      recordId: r.record_id,
      recordType: r.record_type,
      subjectKind: r.subject_kind as StandingRecord['subjectKind'],
      subjectId: r.subject_id,
      severity: r.severity as StandingRecord['severity'],
      decisionDate: r.decision_date,
      payload: r.payload,
      standing: true,
    }));
  const latest: CycleGrade[] = grades.map((g) => ({ schemeId: g.scheme_id, cycle: g.cycle, grade: g.grade, pointsDeducted: g.points_deducted }));
  return {
    known: entries.length > 0 || latest.length > 0 || recognised.length > 0 || records.some((r) => r.subject_name !== ''),
    entries,
    records: standing,
    grades: latest,
    recognisedGrades: recognised,
    registeredSectors: registered[0]?.sectors ?? null,
  };
}
