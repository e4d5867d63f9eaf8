/** Error codes of the measure catalogue and the decision API. */
export const MeasureErrorCode = {
  InvalidCatalogue: 'MEASURES.INVALID_CATALOGUE',
  UnknownScene: 'DECISION.UNKNOWN_SCENE',
  UnknownSubject: 'DECISION.UNKNOWN_SUBJECT',
  Unavailable: 'DECISION.UNAVAILABLE',
} as const;
