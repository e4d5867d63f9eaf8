/** Error codes of inspection draws. */
export const DrawErrorCode = { NoPlan: 'DRAW.NO_PLAN', Invalid: 'DRAW.INVALID' } as const;
