import type { EvaluationPartnerGradeRecognisedV1, EvaluationPartnerGradeUnrecognisedV1 } from '@contracts';
import type { Recognition } from '../../engine/domain/recognition';

/** The fields of a stored partner grade an announcement reads. */
export interface AnnouncedPartnerGrade {
  partnerRegion: string;
  partnerName: string;
  schemeId: string;
  schemeName: string;
  subjectId: string;
  subjectName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  changeId: string;
  agreement: string;
  status: 'applied' | 'not-applied' | 'withdrawn';
  recognitionTableId: string | null;
}

export type PartnerGradeAnnouncement =
  { kind: 'recognised'; data: EvaluationPartnerGradeRecognisedV1 } | { kind: 'unrecognised'; data: EvaluationPartnerGradeUnrecognisedV1 } | { kind: 'none' };

/** Whether a held grade was (or is) announced as recognised: applied by the agreement, read through a table. */
export function wasRecognised(held: Pick<AnnouncedPartnerGrade, 'status' | 'recognitionTableId'> | undefined): boolean {
  return held?.status === 'applied' && held.recognitionTableId !== null;
}

/**
 * What a write of a partner grade announces (ADR 0090): a grade the agreement applies and a
 * recognition table reads on our ladder is recognised; one that is withdrawn, not applied or without
 * an equivalent is announced as no longer recognised only if what was held before was recognised —
 * nothing otherwise (an `inform` grade is never announced).
 */
export function announcementOf(
  written: AnnouncedPartnerGrade,
  equivalent: Recognition | undefined,
  before: Pick<AnnouncedPartnerGrade, 'status' | 'recognitionTableId'> | undefined,
  now: Date,
): PartnerGradeAnnouncement {
  if (written.status === 'applied' && equivalent) {
    return {
      kind: 'recognised',
      data: {
        subject: { kind: 'org', id: written.subjectId, name: written.subjectName },
        equivalent: { tableId: equivalent.tableId, schemeId: equivalent.ourSchemeId, grade: equivalent.ourGrade },
        provenance: {
          partnerRegion: written.partnerRegion,
          partnerName: written.partnerName,
          schemeId: written.schemeId,
          schemeName: written.schemeName,
          grade: written.grade,
          gradeLabel: written.gradeLabel,
          cycle: written.cycle,
          evaluatedAt: new Date(written.evaluatedAt).toISOString(),
          version: written.version,
          changeId: written.changeId,
          agreement: written.agreement,
        },
        recognisedAt: now.toISOString(),
      },
    };
  }
  if (!wasRecognised(before)) return { kind: 'none' };
  const reason = written.status === 'withdrawn' ? 'withdrawn' : written.status === 'not-applied' ? 'not-applied' : 'no-equivalent';
  return {
    kind: 'unrecognised',
    data: {
      subject: { kind: 'org', id: written.subjectId },
      provenance: { partnerRegion: written.partnerRegion, schemeId: written.schemeId, version: written.version, changeId: written.changeId },
      reason,
      unrecognisedAt: now.toISOString(),
    },
  };
}
