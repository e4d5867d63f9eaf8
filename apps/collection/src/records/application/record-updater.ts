import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CreditRecord } from '../domain/credit-record';
import { appendRecordVersion, RecordChange } from '../infrastructure/record-history';

/**
 * Changes a record's state and announces it: the new version and its `credit.records.updated`
 * event are written in the caller's transaction, so consumers never miss or invent a change.
 */
@Injectable()
export class RecordUpdater {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly catalogues: CatalogueStore,
  ) {}

  async apply(manager: EntityManager, record: CreditRecord, change: RecordChange): Promise<CreditRecord> {
    await appendRecordVersion(manager, record, change);
    await this.outbox.append(manager, Events.CreditRecordUpdated, {
      subjectId: record.subjectId,
      region: record.region,
      occurredAt: change.changedAt,
      data: {
        recordId: record.id,
        recordType: record.recordType,
        subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
        region: record.region,
        severity: record.severity,
        decisionDate: record.decisionDate,
        documentNumber: record.documentNumber,
        isPublic: this.catalogues.current().definition(record.recordType)?.isPublic ?? false,
        status: record.status,
        change: change.change,
        version: record.version,
        changes: change.changes ?? {},
        changedBy: change.changedBy,
        changedAt: change.changedAt.toISOString(),
        payload: record.payload,
      },
    });
    return record;
  }
}
