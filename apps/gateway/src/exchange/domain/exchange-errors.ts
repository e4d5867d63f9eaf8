/** Error codes of the partner exchange (/exchange/v1, issue 20; docs/decisions/0067). */
export const ExchangeErrorCode = {
  /** An entry names a province (its region or its provenance) that is not the sending partner's. */
  ProvinceNotSender: 'EXCHANGE.PROVINCE_NOT_SENDER',
} as const;
