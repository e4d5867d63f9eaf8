import { evaluationV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /api/v1/subjects/{subjectId}/evaluations. */
export interface SubjectEvaluationsBody {
  subjectId: string;
  asOf: string;
  evaluations: SubjectEvaluationBody[];
  /** Schemes that would take the subject in by kind and region but not by sector (the subject registry decides). */
  notApplicable: evaluationV1.SchemeNotApplicable[];
}

/** One scheme's result: the cycle as one object, the explanation as JSON. */
export interface SubjectEvaluationBody extends Omit<evaluationV1.SubjectEvaluation, 'explanationJson' | 'cycleLabel' | 'cycleStart' | 'cycleEnd'> {
  cycle: { label: string; start: string; end: string };
  explanation: JsonValue;
}

export function toSubjectEvaluationsBody(response: evaluationV1.GetSubjectEvaluationsResponse): SubjectEvaluationsBody {
  return {
    subjectId: response.subjectId,
    asOf: response.asOf,
    evaluations: response.evaluations.map(({ explanationJson, cycleLabel, cycleStart, cycleEnd, ...evaluation }) => ({
      ...evaluation,
      cycle: { label: cycleLabel, start: cycleStart, end: cycleEnd },
      explanation: parseJson(explanationJson),
    })),
    notApplicable: response.notApplicable ?? [],
  };
}
