/** A subject's appeal against its current result under a scheme, through an integrator of its region. */
export interface OpenAppealCommand {
  subjectId: string;
  schemeId: string;
  reason: string;
  evidence: string[];
  /** A closed period (e.g. 2026-Q3) whose published result is contested; empty: the current standing. */
  period: string;
}

/** The scheme owner's decision on an open appeal. */
export interface DecideAppealCommand {
  appealId: string;
  outcome: string;
  reason: string;
  disregardedRecordIds: string[];
}
