import type { SubjectKind } from '@domain/credit';

/** A closed cycle's grade for a subject, as evaluation recorded it. */
export interface RecordCycleGradeCommand {
  /** `name` may be empty: then the name the latest record gives is used. */
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  schemeId: string;
  /** The cycle's label. */
  cycle: string;
  grade: string;
  pointsDeducted: number;
  /** When evaluation recorded it (absent: now). A grade recorded before the scheme's withdrawal of the subject's grade is not stored (ADR 0046). */
  recordedAt?: string;
}
