/** Error codes of credit lists and their entries. */
export const ListEntryErrorCode = {
  NoticeRunning: 'LIST_ENTRY.NOTICE_PERIOD_RUNNING',
  NotProposed: 'LIST_ENTRY.NOT_PROPOSED',
  NotInForce: 'LIST_ENTRY.NOT_IN_FORCE',
  NotFound: 'LIST_ENTRY.NOT_FOUND',
  UnknownSubject: 'LIST_ENTRY.UNKNOWN_SUBJECT',
  Invalid: 'LIST_ENTRY.INVALID',
  /** A withdrawal names an entry this platform decided, not one a partner sent. */
  NotPartnerEntry: 'LIST_ENTRY.NOT_PARTNER_ENTRY',
} as const;
