import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { PartnerProvenance, RawSubmission, validateSubmission, ValidSubmission } from '../domain/record-submission';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { GroupedRecordWriter } from '../infrastructure/grouped-record-writer';
import { assertMaySubmit } from './submission-policy';
import { SUBMIT_RECORD_OPERATION, submissionRequestHash } from './submission-request-hash';
import { assertSameRequest } from '@platform/database';
import { IntakeOutcome, IntakeOutcomesPort } from '../../quality/application/quality.tokens';

import type { SubmitRecordCommand, SubmitRecordResult } from './submit-record.command';
import { RecordErrorCode } from '../domain/record-errors';

/**
 * Stores one credit record and its `credit.records.created` event in one transaction (shared with
 * the records submitted at the same moment: group commit, see GroupedRecordWriter).
 * Idempotent: a retry with the same Idempotency-Key or source record id returns the first
 * answer; the same document about the same subject from anyone else is a duplicate.
 */
@Injectable()
export class SubmitRecordHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: GroupedRecordWriter,
    private readonly catalogues: CatalogueStore,
    @Inject(IntakeOutcomesPort) private readonly intakeOutcomes: IntakeOutcomesPort,
  ) {}

  async execute(principal: Principal, raw: SubmitRecordCommand): Promise<SubmitRecordResult> {
    // A partner's pushed record needs the exchange scope (ADR 0069); everything else records:write.
    assertScope(principal, isPartnerPush(raw) ? Scopes.ExchangeWrite : Scopes.RecordsWrite);
    try {
      return await this.submit(principal, raw);
    } catch (error) {
      const outcome = error instanceof DomainError ? intakeOutcomeOf(error) : undefined;
      if (outcome) await this.intakeOutcomes.addDetached(principal.clientId, principal.region, outcome);
      throw error;
    }
  }

  private async submit(principal: Principal, raw: RawSubmission): Promise<SubmitRecordResult> {
    const submission = validateSubmission(raw, this.catalogues.current());
    assertMaySubmit(principal, submission);
    // Write first: the unique keys decide. Looking for a replay only when the write was skipped
    // saves every first submission a query (docs/perf.md).
    const written = await this.writer.write(principal.clientId, submission);
    if (written) return { id: written, status: 'active', replayed: false };
    // A retry (same Idempotency-Key or source record id), or a true duplicate.
    const replay = await this.findReplay(principal.clientId, submission);
    if (replay) return replay;
    throw DomainError.conflict(
      RecordErrorCode.Duplicate,
      `A ${submission.type.code} record with document number ${submission.documentNumber} for this subject already exists.`,
    );
  }

  private async findReplay(clientId: string, submission: ValidSubmission): Promise<SubmitRecordResult | undefined> {
    const keys = [
      submission.idempotencyKey ? { sourceClientId: clientId, idempotencyKey: submission.idempotencyKey } : undefined,
      submission.sourceRecordId ? { sourceClientId: clientId, sourceRecordId: submission.sourceRecordId } : undefined,
    ].filter((k) => k !== undefined);
    if (keys.length === 0) return undefined;
    const rows = await this.dataSource.getRepository(CreditRecordEntity).find({
      where: keys,
      select: { id: true, status: true, idempotencyKey: true, idempotencyRequestHash: true },
      take: 2,
    });
    // The same Idempotency-Key must carry the same record (platform rule); a row stored before
    // request hashes were kept has none and replays as before.
    const byKey = submission.idempotencyKey ? rows.find((r) => r.idempotencyKey === submission.idempotencyKey) : undefined;
    if (byKey?.idempotencyRequestHash && submission.partner && byKey.idempotencyRequestHash !== submissionRequestHash(submission)) {
      throw new DomainError(
        RecordErrorCode.PartnerReferenceReused,
        'conflict',
        `Record ${submission.partner.sourceReference} was sent before with different content; send a changed record under a new reference.`,
        [{ field: 'sourceReference', message: 'already stored with different content', code: 'REFERENCE_REUSED' }],
      );
    }
    if (byKey?.idempotencyRequestHash) {
      assertSameRequest(
        { operation: SUBMIT_RECORD_OPERATION, requestHash: byKey.idempotencyRequestHash },
        { operation: SUBMIT_RECORD_OPERATION, requestHash: submissionRequestHash(submission) },
      );
    }
    const found = byKey ?? rows[0] ?? (submission.partner ? await this.heldFromFeed(submission.partner) : undefined);
    return found ? { id: found.id, status: found.status, replayed: true } : undefined;
  }

  /**
   * A partner's push of a record this province already holds from the partner's change feed
   * (ADR 0086: one record per partner and reference, pushed or pulled) answers the held record.
   */
  private heldFromFeed(partner: PartnerProvenance): Promise<Pick<CreditRecordEntity, 'id' | 'status'> | null> {
    return this.dataSource.getRepository(CreditRecordEntity).findOne({
      where: { partnerRegion: partner.region, partnerReference: partner.sourceReference, publicSummary: Not(IsNull()) },
      select: { id: true, status: true },
    });
  }
}

function isPartnerPush(raw: RawSubmission): boolean {
  return Boolean(raw.partner && (raw.partner.region.trim() || raw.partner.sourceReference.trim()));
}

/** Which quality-report column a refused submission counts in, if any (a missing scope is not the unit's data quality). */
function intakeOutcomeOf(error: DomainError): IntakeOutcome | undefined {
  if (error.code === RecordErrorCode.Duplicate) return 'duplicate';
  if (error.code === RecordErrorCode.Invalid || error.code === RecordErrorCode.UnknownType) return 'rejected';
  return undefined;
}
