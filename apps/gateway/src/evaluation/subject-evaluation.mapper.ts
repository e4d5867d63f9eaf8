import { evaluationV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';
import { GradeAppealBody, toGradeAppealBody } from './grade-appeal.mapper';

/** GET /api/v1/subjects/{subjectId}/evaluations. */
export interface SubjectEvaluationsBody {
  subjectId: string;
  asOf: string;
  evaluations: SubjectEvaluationBody[];
  /** Schemes that would take the subject in by kind and region but not by sector (the subject registry decides). */
  notApplicable: evaluationV1.SchemeNotApplicable[];
}

/** One scheme's result: the cycle as one object, the explanation as JSON. */
export interface SubjectEvaluationBody extends Omit<evaluationV1.SubjectEvaluation, 'explanationJson' | 'cycleLabel' | 'cycleStart' | 'cycleEnd' | 'appeal'> {
  cycle: { label: string; start: string; end: string };
  explanation: JsonValue;
  /** The grade is (or was) under appeal in this cycle: the latest appeal (ADR 0054). */
  appeal?: GradeAppealBody;
}

export function toSubjectEvaluationsBody(response: evaluationV1.GetSubjectEvaluationsResponse): SubjectEvaluationsBody {
  return {
    subjectId: response.subjectId,
    asOf: response.asOf,
    evaluations: response.evaluations.map(({ explanationJson, cycleLabel, cycleStart, cycleEnd, appeal, ...evaluation }) => ({
      ...evaluation,
      cycle: { label: cycleLabel, start: cycleStart, end: cycleEnd },
      explanation: parseJson(explanationJson),
      ...(appeal ? { appeal: toGradeAppealBody(appeal) } : {}),
    })),
    notApplicable: response.notApplicable ?? [],
  };
}
