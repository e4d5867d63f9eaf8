/**
 * Monitoring platforms (动态监控平台) publish the violations they detect to JetStream, one
 * message per violation, on `telemetry.monitoring.violations.<region>` (stream MONITORING). The
 * region token is the publisher's region: NATS permissions bind a platform's credentials to its
 * own region's subject, and collection refuses records outside it.
 *
 * The message is the platform's event envelope (EventEnvelope, `id` a UUID) whose `data` is this.
 */
export const MONITORING_VIOLATIONS_SUBJECT = 'telemetry.monitoring.violations';

export interface MonitoringViolationFeedV1 {
  /** The platform's stable name (`[a-z0-9][a-z0-9._-]*`); with `record.sourceRecordId` the idempotency key. */
  source: string;
  /**
   * Exactly the body of `POST /api/v1/credit-records` (one NDJSON batch line), with
   * `recordType: 'monitoring-violation'` and a `sourceRecordId`.
   */
  record: {
    recordType: 'monitoring-violation';
    subject: { kind: 'org' | 'person' | 'vehicle'; id: string; name: string };
    region: string;
    severity: 'minor' | 'general' | 'severe';
    decisionDate: string;
    documentNumber: string;
    sourceRecordId: string;
    payload: Record<string, unknown>;
  };
}
