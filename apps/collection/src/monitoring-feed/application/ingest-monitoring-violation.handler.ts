import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MONITORING_VIOLATIONS_SUBJECT } from '@contracts';
import { parseRegionCode } from '@domain/identifiers';
import { Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { PoisonMessageError } from '@platform/messaging';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { parseBatchLine } from '../../batches/domain/ndjson-batch';
import { validateSubmission, ValidSubmission } from '../../records/domain/record-submission';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { assertMaySubmit } from '../../records/application/submission-policy';
import { RecordErrorCode } from '../../records/domain/record-errors';
import { MonitoringFeedErrorCode } from '../domain/monitoring-feed-errors';
import type { IngestMonitoringViolationCommand, IngestMonitoringViolationResult } from './ingest-monitoring-violation.command';

const SOURCE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const FEED_RECORD_TYPE = 'monitoring-violation';

/**
 * One message of a monitoring feed, stored exactly as a REST submission would be: the same
 * parsing (the NDJSON line's), validation, scope and region policy and writer. A message that
 * can never be stored is poison: it goes to the dead-letter subject with the reason. Idempotent
 * on (source, source record id): the client id is `monitoring:<source>`, and a replay stores
 * nothing and is not an error.
 */
@Injectable()
export class IngestMonitoringViolationHandler {
  constructor(
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
  ) {}

  async execute(message: IngestMonitoringViolationCommand, manager: EntityManager): Promise<IngestMonitoringViolationResult> {
    const principal = this.publisher(message);
    const submission = this.validate(message.record, principal);
    const written = await this.writer.write(manager, principal.clientId, [submission]);
    if (written.length === 1) return 'stored';
    const replay: unknown[] = await manager.query(`SELECT 1 FROM credit_records WHERE source_client_id = $1 AND source_record_id = $2`, [
      principal.clientId,
      submission.sourceRecordId,
    ]);
    if (replay.length === 1) return 'replayed';
    throw poison(RecordErrorCode.Duplicate, [
      {
        field: 'record.documentNumber',
        message: `a ${FEED_RECORD_TYPE} with document number ${submission.documentNumber} for this subject already exists`,
        code: 'DUPLICATE',
      },
    ]);
  }

  /** The publishing platform as a principal: its name, and the region its subject is bound to. */
  private publisher({ subject, source }: IngestMonitoringViolationCommand): Principal {
    const region = subject.startsWith(`${MONITORING_VIOLATIONS_SUBJECT}.`) ? subject.slice(MONITORING_VIOLATIONS_SUBJECT.length + 1) : '';
    if (!parseRegionCode(region).ok)
      throw poison(MonitoringFeedErrorCode.InvalidSubject, [
        { field: '(subject)', message: `${subject} does not end in a region code`, code: 'INVALID_REGION' },
      ]);
    if (typeof source !== 'string' || !SOURCE.test(source)) {
      throw poison(MonitoringFeedErrorCode.InvalidSource, [
        { field: 'data.source', message: 'the platform name, [a-z0-9][a-z0-9._-]* (at most 64)', code: 'INVALID_SOURCE' },
      ]);
    }
    return { clientId: `monitoring:${source}`, kind: 'integrator', scopes: [Scopes.RecordsWrite], region };
  }

  private validate(record: unknown, principal: Principal): ValidSubmission {
    const parsed = parseBatchLine(JSON.stringify(record ?? null));
    if (!parsed.ok) throw poison(RecordErrorCode.Invalid, prefixed(parsed.violations));
    if (parsed.raw.recordType.trim().toLowerCase() !== FEED_RECORD_TYPE) {
      throw poison(RecordErrorCode.Invalid, [
        { field: 'record.recordType', message: `a monitoring feed carries ${FEED_RECORD_TYPE} records only`, code: 'TYPE_NOT_ALLOWED' },
      ]);
    }
    if (!parsed.raw.sourceRecordId.trim()) {
      throw poison(RecordErrorCode.Invalid, [{ field: 'record.sourceRecordId', message: 'is required on a feed (idempotency)', code: 'REQUIRED' }]);
    }
    try {
      const submission = validateSubmission(parsed.raw, this.catalogues.current());
      assertMaySubmit(principal, submission);
      return submission;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw poison(error.code, error.violations.length > 0 ? prefixed(error.violations) : [{ field: '(record)', message: error.message, code: error.code }]);
    }
  }
}

function prefixed(violations: readonly FieldViolation[]): FieldViolation[] {
  return violations.map((v) => ({ ...v, field: v.field.startsWith('(') ? v.field : `record.${v.field}` }));
}

/** The dead-letter reason: the stable code and every violation, as JSON an operator can read. */
function poison(code: string, violations: readonly FieldViolation[]): PoisonMessageError {
  return new PoisonMessageError(JSON.stringify({ code, errors: violations.map(({ field, code: c, message }) => ({ field, code: c, message })) }));
}
