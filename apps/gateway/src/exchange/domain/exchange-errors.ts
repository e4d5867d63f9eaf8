/** Error codes of the partner exchange (/exchange/v1, issue 20; docs/decisions/0067). */
export const ExchangeErrorCode = {
  /** An entry names a province (its region or its provenance) that is not the sending partner's. */
  ProvinceNotSender: 'EXCHANGE.PROVINCE_NOT_SENDER',
  /** `since` is not a cursor this feed hands out. */
  CursorInvalid: 'EXCHANGE.CURSOR_INVALID',
  /** `since` lies beyond the feed's newest position (never handed out). */
  CursorAhead: 'EXCHANGE.CURSOR_AHEAD',
  /** A pushed record about a subject the agreement with the sender does not cover (ADR 0069). */
  OutsideAgreement: 'EXCHANGE.OUTSIDE_AGREEMENT',
  /** A partner reference already stored with different content (ADR 0069; collection's code). */
  RecordReferenceReused: 'EXCHANGE.RECORD_REFERENCE_REUSED',
  /** An answer to a partner province given by a client below province level (ADR 0080). */
  ProvinceOnly: 'EXCHANGE.PROVINCE_ONLY',
  /** The partner province's gateway did not answer as its exchange API does (ADR 0080). */
  PartnerUnavailable: 'EXCHANGE.PARTNER_UNAVAILABLE',
} as const;
