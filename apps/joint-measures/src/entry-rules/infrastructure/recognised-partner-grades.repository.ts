import type { EntityManager } from 'typeorm';
import type { RecognisedGrade } from '../../measures/domain/recognised-grades';

/** Which partner grade of which subject (a row of `recognised_partner_grades`). */
export interface PartnerGradeKey {
  subjectId: string;
  partnerRegion: string;
  partnerSchemeId: string;
}

/** A change of a recognised partner grade as evaluation announced it, with the partner feed's version. */
export interface PartnerGradeVersion extends PartnerGradeKey {
  version: number;
  changeId: string;
}

/**
 * Partners' grades recognised on our ladder (ADR 0090), apart from our grades: written only over
 * an older partner version (at-least-once delivery, two consumers), a withdrawal kept as a tombstone.
 */
export const recognisedPartnerGrades = {
  async recognise(manager: EntityManager, key: PartnerGradeVersion, grade: RecognisedGrade, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO recognised_partner_grades AS r (subject_id, partner_region, partner_scheme_id, version, change_id, scheme_id, grade, table_id, provenance, recognised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (subject_id, partner_region, partner_scheme_id) DO UPDATE
         SET version = EXCLUDED.version, change_id = EXCLUDED.change_id, scheme_id = EXCLUDED.scheme_id, grade = EXCLUDED.grade,
             table_id = EXCLUDED.table_id, provenance = EXCLUDED.provenance, recognised_at = EXCLUDED.recognised_at,
             unrecognised_at = NULL, unrecognised_reason = NULL
         WHERE r.version < EXCLUDED.version`,
      [
        key.subjectId,
        key.partnerRegion,
        key.partnerSchemeId,
        key.version,
        key.changeId,
        grade.schemeId,
        grade.grade,
        grade.tableId,
        JSON.stringify(grade.partner),
        at,
      ],
    );
  },

  /** No longer recognised: a tombstone at the version, so an older recognition delivered later is not applied. */
  async unrecognise(manager: EntityManager, key: PartnerGradeVersion, reason: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO recognised_partner_grades AS r (subject_id, partner_region, partner_scheme_id, version, change_id, unrecognised_at, unrecognised_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (subject_id, partner_region, partner_scheme_id) DO UPDATE
         SET version = EXCLUDED.version, change_id = EXCLUDED.change_id, unrecognised_at = EXCLUDED.unrecognised_at,
             unrecognised_reason = EXCLUDED.unrecognised_reason
         WHERE r.version < EXCLUDED.version`,
      [key.subjectId, key.partnerRegion, key.partnerSchemeId, key.version, key.changeId, at, reason],
    );
  },

  /** The subject's partner grades recognised now (not withdrawn). */
  async ofSubject(manager: EntityManager, subjectId: string): Promise<RecognisedGrade[]> {
    const rows: { scheme_id: string; grade: string; table_id: string; provenance: RecognisedGrade['partner'] }[] = await manager.query(
      `SELECT scheme_id, grade, table_id, provenance FROM recognised_partner_grades
        WHERE subject_id = $1 AND unrecognised_at IS NULL ORDER BY partner_region, partner_scheme_id`,
      [subjectId],
    );
    return rows.map((r) => ({ schemeId: r.scheme_id, grade: r.grade, tableId: r.table_id, partner: r.provenance }));
  },
};
