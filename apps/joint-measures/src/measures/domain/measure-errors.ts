/** Error codes of the measure catalogue and the decision API. */
export const MeasureErrorCode = {
  InvalidCatalogue: 'MEASURES.INVALID_CATALOGUE',
  UnknownScene: 'DECISION.UNKNOWN_SCENE',
  UnknownSubject: 'DECISION.UNKNOWN_SUBJECT',
  Unavailable: 'DECISION.UNAVAILABLE',
  /** The request's sector is not one the subject registry lists for the subject (ADR 0055). */
  SectorContradictsRegistry: 'DECISION.SECTOR_CONTRADICTS_REGISTRY',
} as const;
