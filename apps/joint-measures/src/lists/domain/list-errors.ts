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
  /** A partner's reference sent again with other content and no higher version, or naming another list, subject or region. */
  ReferenceReused: 'LIST_ENTRY.REFERENCE_REUSED',
  /** A partner's newer version of an entry removed here for our own reason (repair, expiry…): not restored by it. */
  RemovedHere: 'LIST_ENTRY.REMOVED_HERE',
} as const;
