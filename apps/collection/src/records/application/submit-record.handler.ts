import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '@platform/database';
import { assertRegionScope, assertScope, hasScope, Principal, Scope, Scopes } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { RawSubmission, RecordErrorCode, summarise, validateSubmission, ValidSubmission } from '../domain/record-submission';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from '../infrastructure/credit-record-version.entity';

export interface SubmitRecordResult {
  id: string;
  status: string;
  replayed: boolean;
}

/**
 * Stores one credit record and its `credit.records.created` event in one transaction.
 * Idempotent: a retry with the same Idempotency-Key or source record id returns the first
 * answer; the same document about the same subject from anyone else is a duplicate.
 */
@Injectable()
export class SubmitRecordHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly catalogues: CatalogueStore,
  ) {}

  async execute(principal: Principal, raw: RawSubmission): Promise<SubmitRecordResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const submission = validateSubmission(raw, this.catalogues.current());
    if (!submission.type.submitScopes.some((scope) => hasScope(principal, scope as Scope))) {
      throw new DomainError(PlatformErrorCode.InsufficientScope, 'forbidden', `The client may not submit ${submission.type.code} records.`);
    }
    assertRegionScope(principal, submission.region);
    const earlier = await this.findReplay(principal.clientId, submission);
    if (earlier) return earlier;
    try {
      return await this.dataSource.transaction((manager) => this.store(manager, principal, submission));
    } catch (error) {
      if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
      // Lost a race with a concurrent retry, or a true duplicate.
      const replay = await this.findReplay(principal.clientId, submission);
      if (replay) return replay;
      throw DomainError.conflict(RecordErrorCode.Duplicate, `A ${submission.type.code} record with document number ${submission.documentNumber} for this subject already exists.`);
    }
  }

  private async store(manager: EntityManager, principal: Principal, submission: ValidSubmission): Promise<SubmitRecordResult> {
    const record = manager.create(CreditRecordEntity, {
      id: uuidv7(),
      recordType: submission.type.code,
      subjectKind: submission.subject.kind,
      subjectId: submission.subject.id,
      subjectName: submission.subject.name,
      region: submission.region,
      severity: submission.severity,
      decisionDate: submission.decisionDate,
      documentNumber: submission.documentNumber,
      status: 'active',
      payload: submission.payload,
      sourceClientId: principal.clientId,
      sourceRecordId: submission.sourceRecordId,
      idempotencyKey: submission.idempotencyKey,
      receivedAt: new Date(),
      catalogueVersion: submission.catalogueVersion,
      version: 1,
    });
    await manager.insert(CreditRecordEntity, record as QueryDeepPartialEntity<CreditRecordEntity>);
    await manager.insert(CreditRecordVersionEntity, {
      recordId: record.id,
      version: 1,
      status: record.status,
      change: 'created',
      reason: '',
      changedAt: record.receivedAt,
      changedBy: principal.clientId,
    });
    await this.outbox.append(manager, Events.CreditRecordCreated, {
      subjectId: record.subjectId,
      region: record.region,
      data: {
        recordId: record.id,
        recordType: record.recordType,
        subject: submission.subject,
        region: record.region,
        severity: submission.severity,
        decisionDate: record.decisionDate,
        documentNumber: record.documentNumber,
        isPublic: submission.type.isPublic,
        summary: summarise(submission),
        sourceClientId: record.sourceClientId,
        receivedAt: record.receivedAt.toISOString(),
      },
    });
    return { id: record.id, status: record.status, replayed: false };
  }

  private async findReplay(clientId: string, submission: ValidSubmission): Promise<SubmitRecordResult | undefined> {
    const keys = [
      submission.idempotencyKey ? { sourceClientId: clientId, idempotencyKey: submission.idempotencyKey } : undefined,
      submission.sourceRecordId ? { sourceClientId: clientId, sourceRecordId: submission.sourceRecordId } : undefined,
    ].filter((k) => k !== undefined);
    if (keys.length === 0) return undefined;
    const found = await this.dataSource.getRepository(CreditRecordEntity).findOne({ where: keys, select: { id: true, status: true } });
    return found ? { id: found.id, status: found.status, replayed: true } : undefined;
  }
}
