/** Evaluation withdrew a subject's grade under a scheme (the scheme no longer grades it). */
export interface WithdrawGradeCommand {
  subjectId: string;
  schemeId: string;
  withdrawnAt: string;
  /** SECTOR_OUTSIDE, SECTOR_UNKNOWN, REGION_OUTSIDE or KIND_OUTSIDE (as evaluation gives it). */
  reason: string;
}
