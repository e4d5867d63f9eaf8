/** A subject's evaluations now (`asOf` empty) or as of a past instant (ISO 8601 with offset). */
export interface GetSubjectEvaluationsQuery {
  subjectId: string;
  asOf: string;
}

export interface SubjectEvaluationView {
  schemeId: string;
  schemeVersion: number;
  schemeNameZh: string;
  region: string;
  grade: string;
  score: number;
  cycleLabel: string;
  cycleStart: string;
  cycleEnd: string;
  evaluatedAt: string;
  explanationJson: string;
  triggers: string[];
}

export interface SubjectEvaluationsView {
  subjectId: string;
  asOf: string;
  evaluations: SubjectEvaluationView[];
}
