/** A province's answer to a cross-province application (并联审批): approve, or refuse with a reason. */
export interface AnswerApprovalCommand {
  applicationId: string;
  decision: string;
  reason?: string;
}
