/** Stable codes for cross-province approval errors (并联审批, issue 18 item 5); mapped once per transport. */
export const ApprovalErrorCode = {
  /** 400: decision or reason missing or invalid, each named in `errors[]`. */
  Invalid: 'PERMIT_APPROVAL.INVALID',
  /** 404: no such application. */
  NotFound: 'PERMIT_APPROVAL.NOT_FOUND',
  /** 403: the caller's province is not on the application's route (or is the accepting province itself). */
  NotOnRoute: 'PERMIT_APPROVAL.NOT_ON_ROUTE',
  /** 409: the caller's province answered already. */
  AlreadyAnswered: 'PERMIT_APPROVAL.ALREADY_ANSWERED',
  /** 409: the application is no longer waiting for approvals (decided, or not accepted). */
  NotPending: 'PERMIT_APPROVAL.NOT_PENDING',
} as const;
