/** Error codes of inspection draws. */
export const DrawErrorCode = {
  NoPlan: 'DRAW.NO_PLAN',
  Invalid: 'DRAW.INVALID',
  /** 422: the place's plan waits for an evaluation scheme not published yet (ADR 0043). */
  PlanPending: 'DRAW.PLAN_PENDING',
  /** 422: the place's plan refers to grades the published scheme does not have (ADR 0043). */
  PlanInvalid: 'DRAW.PLAN_INVALID',
} as const;
