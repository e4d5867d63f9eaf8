/** A subject's appeal against its current result under a scheme, through an integrator of its region. */
export interface OpenAppealCommand {
  subjectId: string;
  schemeId: string;
  reason: string;
  evidence: string[];
}

/** The scheme owner's decision on an open appeal. */
export interface DecideAppealCommand {
  appealId: string;
  outcome: string;
  reason: string;
  disregardedRecordIds: string[];
}
