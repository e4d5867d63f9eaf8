import type { GradeAppealView } from '../../appeals/application/grade-appeal.view';

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
  /** The grade's tier when the scheme's ladder declares tiers (ADR 0050), else empty. */
  tier: string;
  score: number;
  cycleLabel: string;
  cycleStart: string;
  cycleEnd: string;
  evaluatedAt: string;
  explanationJson: string;
  triggers: string[];
  /** The latest appeal against this result's cycle (ADR 0054); current reads only. */
  appeal?: GradeAppealView;
}

/** An active scheme that would take the subject in by kind and region but does not grade it because of its sectors (ADR 0044). */
export interface SchemeNotApplicableView {
  schemeId: string;
  schemeVersion: number;
  schemeNameZh: string;
  /** `SECTOR_UNKNOWN`: the registry does not know the subject; `SECTOR_OUTSIDE`: none of its sectors is the scheme's. */
  reason: 'SECTOR_UNKNOWN' | 'SECTOR_OUTSIDE';
  message: string;
  sectors: string[];
}

export interface SubjectEvaluationsView {
  subjectId: string;
  asOf: string;
  evaluations: SubjectEvaluationView[];
  notApplicable: SchemeNotApplicableView[];
}
