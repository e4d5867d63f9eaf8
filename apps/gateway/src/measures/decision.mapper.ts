import { measuresV1 } from '@contracts';
import { canonicalSubjectId } from '../http/subject-id';

/** POST /api/v1/measures/decisions. */
export interface DecisionBody {
  decisionId: string;
  subjectId: string;
  scene: string;
  region: string;
  decidedAt: string;
  /** allow | deny | conditional */
  outcome: string;
  measures: AppliedMeasureBody[];
  reasons: DecisionReasonBody[];
  /** Mappings of the scene, place and sector not applied, with why: pending (waits for a scheme not published yet) or invalid (ADR 0043). */
  notApplied: measuresV1.MappingNotApplied[];
}

/** A measure; `value` null when the measure has no amount. */
export interface AppliedMeasureBody extends Omit<measuresV1.AppliedMeasure, 'value'> {
  value: measuresV1.MeasureValue | null;
}

/** Why a measure applies: each reason carries only the fields of its kind. */
export type DecisionReasonBody =
  | { kind: string; mappingId: string; entryId: string; listType: string; startsOn: string; endsOn: string | null }
  | { kind: string; mappingId: string; schemeId: string; cycle: string; grade: string; recognisedFrom?: measuresV1.RecognisedGradeSource }
  | { kind: string; mappingId: string; recordType: string; recordIds: string[]; count: number };

/** The REST shape of a decision: each reason carries only the fields of its kind. */
export function toDecisionBody(d: measuresV1.DecideResponse): DecisionBody {
  return {
    decisionId: d.decisionId,
    subjectId: d.subjectId,
    scene: d.scene,
    region: d.region,
    decidedAt: d.decidedAt,
    outcome: d.outcome,
    measures: d.measures.map((m) => ({ ...m, value: m.value ?? null })),
    reasons: d.reasons.map(toDecisionReasonBody),
    // Absent from a joint-measures version that predates it (a rolling deploy): nothing reported.
    notApplied: d.notApplied ?? [],
  };
}

function toDecisionReasonBody(r: measuresV1.DecisionReason): DecisionReasonBody {
  if (r.kind === 'list-entry')
    return { kind: r.kind, mappingId: r.mappingId, entryId: r.entryId, listType: r.listType, startsOn: r.startsOn, endsOn: r.endsOn || null };
  if (r.kind === 'grade') {
    // A partner's grade recognised on our ladder says whose it is (ADR 0090); our own grade has no `recognisedFrom`.
    const grade = { kind: r.kind, mappingId: r.mappingId, schemeId: r.schemeId, cycle: r.cycle, grade: r.grade };
    return r.recognisedFrom ? { ...grade, recognisedFrom: r.recognisedFrom } : grade;
  }
  return { kind: r.kind, mappingId: r.mappingId, recordType: r.recordType, recordIds: r.recordIds, count: r.count };
}

/** Same code on both faces: a malformed subject id is a 400/INVALID_ARGUMENT, never an unknown subject. */
export const DECISION_INVALID_SUBJECT = 'DECISION.INVALID_SUBJECT';

/** The decision's subject in canonical spelling, or DECISION.INVALID_SUBJECT naming `subjectId`. */
export function decisionSubjectId(raw: string): string {
  return canonicalSubjectId(raw ?? '', 'subjectId', DECISION_INVALID_SUBJECT);
}
