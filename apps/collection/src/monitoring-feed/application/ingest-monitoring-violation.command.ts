/**
 * One message of a monitoring platform's feed, as received: nothing in it is trusted yet (the
 * handler checks every part and refuses the message as poison if it can never be stored).
 */
export interface IngestMonitoringViolationCommand {
  /** The subject it was published on: `telemetry.monitoring.violations.<region>`. */
  subject: string;
  /** `data.source`: the platform's name. */
  source: unknown;
  /** `data.record`: the record, as one NDJSON batch line would carry it. */
  record: unknown;
}

export type IngestMonitoringViolationResult = 'stored' | 'replayed';
