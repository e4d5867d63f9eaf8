import type { GradeAppealRow } from '../infrastructure/grade-appeals.repository';

/** An appeal as the gRPC message `evaluation.v1.GradeAppeal` carries it (ADR 0054). */
export interface GradeAppealView {
  id: string;
  subjectId: string;
  schemeId: string;
  schemeVersion: number;
  region: string;
  cycleLabel: string;
  grade: string;
  score: number;
  status: string;
  reason: string;
  evidence: string[];
  openedBy: string;
  openedAt: string;
  decisionDueBy: string;
  decidedBy: string;
  decidedAt: string;
  decisionReason: string;
  disregardedRecordIds: string[];
  regradedGrade: string;
  regradedScore: number;
  cycleId: string;
}

export function gradeAppealView(row: GradeAppealRow): GradeAppealView {
  return {
    id: row.id,
    subjectId: row.subjectId,
    schemeId: row.schemeId,
    schemeVersion: row.schemeVersion,
    region: row.region,
    cycleLabel: row.cycleLabel,
    grade: row.grade,
    score: row.score,
    status: row.status,
    reason: row.reason,
    evidence: row.evidence,
    openedBy: row.openedBy,
    openedAt: new Date(row.openedAt).toISOString(),
    decisionDueBy: new Date(row.decisionDueBy).toISOString(),
    decidedBy: row.decidedBy ?? '',
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : '',
    decisionReason: row.decisionReason ?? '',
    disregardedRecordIds: row.disregardedRecordIds,
    regradedGrade: row.regradedGrade ?? '',
    regradedScore: row.regradedScore ?? 0,
    cycleId: row.cycleId ?? '',
  };
}
