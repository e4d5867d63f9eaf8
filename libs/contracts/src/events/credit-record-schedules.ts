/** Payload of `credit.records.expired` v1: the record's publicity period is over (DOMAIN.md §5). */
export interface CreditRecordExpiredV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  region: string;
  severity: 'minor' | 'general' | 'severe';
  decisionDate: string;
  /** Last day of publication (decision date + the maximum period of its severity). */
  publicityEndedOn: string;
  /** The catalogue's publicity rule that ended it. */
  basis: string;
  version: number;
  expiredAt: string;
}

/**
 * Payload of `credit.records.licence-expiring` v1: an administrative licence ends within the
 * warning window of its region; announced once per licence record so integrators can remind the
 * holder (seed 002 焦作: 提前1个月发出警示).
 *
 * An integration event (INTEGRATION_EVENTS; ADR 0045): no service of the platform consumes it; it
 * is the push form integrators subscribe to (a durable consumer on this subject). The pull form is
 * the feed `GET /api/v1/licences/reminders`, which serves exactly this payload, each reminder once.
 */
export interface LicenceExpiringV1 {
  recordId: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  region: string;
  licenceName: string;
  licenceNumber: string;
  authority: string;
  /** The unit (client) that provided the licence record. */
  sourceClientId: string;
  validUntil: string;
  /** Days from the day of the warning to the last valid day (0 = ends today). */
  daysLeft: number;
  /** The warning window's rule and where it comes from. */
  warningWindowDays: number;
  warningBasis: string;
  announcedAt: string;
}
