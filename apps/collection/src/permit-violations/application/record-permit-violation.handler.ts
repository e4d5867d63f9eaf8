import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PermitViolationDetectedV1 } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { PoisonMessageError } from '@platform/messaging';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { assertMaySubmit } from '../../records/application/submission-policy';
import { validateSubmission, type RawSubmission } from '../../records/domain/record-submission';

const RECORD_TYPE = 'oversize-transport-violation';

/**
 * Permits' violation event → one `oversize-transport-violation` record (catalogue v1; the event's
 * fields are that type's payload), written like any submission: the same validation, region policy
 * and writer. The source is the unit that found it (`permits:<its USCC>`, the record's authority) and
 * the source record id is the episode, so a re-delivery or a re-detection stores nothing new.
 */
@Injectable()
export class RecordPermitViolationHandler {
  constructor(
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
  ) {}

  async execute(manager: EntityManager, event: PermitViolationDetectedV1): Promise<'stored' | 'replayed'> {
    const principal: Principal = { clientId: `permits:${event.foundBy.uscc}`, kind: 'integrator', scopes: [Scopes.RecordsWrite], region: event.region };
    let submission;
    try {
      submission = validateSubmission(rawSubmissionOf(event), this.catalogues.current());
      assertMaySubmit(principal, submission);
    } catch (error) {
      if (error instanceof DomainError) throw new PoisonMessageError(JSON.stringify({ code: error.code, errors: error.violations }));
      throw error;
    }
    const written = await this.writer.write(manager, principal.clientId, [submission]);
    return written.length === 1 ? 'stored' : 'replayed';
  }
}

export function rawSubmissionOf(event: PermitViolationDetectedV1): RawSubmission {
  const payload = {
    violationType: event.violationType,
    permitNumber: event.permitNumber,
    detectedAt: event.detectedAt,
    detectedBy: event.detectedBy,
    location: event.location,
    plate: event.plate,
    plateColour: event.plateColour,
    description: event.description,
  };
  return {
    recordType: RECORD_TYPE,
    subject: event.subject,
    region: event.region,
    severity: event.severity,
    decisionDate: chinaDateOf(new Date(event.detectedAt)),
    documentNumber: event.episodeId,
    sourceRecordId: event.episodeId,
    payloadJson: JSON.stringify(payload),
    idempotencyKey: '',
  };
}
