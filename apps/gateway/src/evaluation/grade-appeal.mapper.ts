import type { evaluationV1 } from '@contracts';

/** An appeal as the API shows it: the contested result and the decision as objects, empty strings as absent (ADR 0054). */
export interface GradeAppealBody {
  id: string;
  subjectId: string;
  schemeId: string;
  schemeVersion: number;
  region: string;
  cycleLabel: string;
  /** The close whose published result is contested; absent when the current grade is. */
  cycleId?: string;
  contested: { grade: string; score: number };
  status: string;
  reason: string;
  evidence: string[];
  openedBy: string;
  openedAt: string;
  decisionDueBy: string;
  decision?: {
    outcome: string;
    reason: string;
    decidedBy: string;
    decidedAt: string;
    disregardedRecordIds: string[];
    regraded?: { grade: string; score: number };
  };
}

export function toGradeAppealBody(appeal: evaluationV1.GradeAppeal | undefined): GradeAppealBody {
  if (!appeal) throw new Error('the evaluation service answered without an appeal');
  return {
    id: appeal.id,
    subjectId: appeal.subjectId,
    schemeId: appeal.schemeId,
    schemeVersion: appeal.schemeVersion,
    region: appeal.region,
    cycleLabel: appeal.cycleLabel,
    cycleId: appeal.cycleId || undefined,
    contested: { grade: appeal.grade, score: appeal.score },
    status: appeal.status,
    reason: appeal.reason,
    evidence: appeal.evidence ?? [],
    openedBy: appeal.openedBy,
    openedAt: appeal.openedAt,
    decisionDueBy: appeal.decisionDueBy,
    decision: appeal.decidedAt
      ? {
          outcome: appeal.status,
          reason: appeal.decisionReason,
          decidedBy: appeal.decidedBy,
          decidedAt: appeal.decidedAt,
          disregardedRecordIds: appeal.disregardedRecordIds ?? [],
          regraded: appeal.regradedGrade ? { grade: appeal.regradedGrade, score: appeal.regradedScore } : undefined,
        }
      : undefined,
  };
}
