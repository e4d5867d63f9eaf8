import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { recordPublicityEndsOn } from '../../publicity/domain/publicity-expiry';
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
    // The record's own catalogue version sets its publicity period (a correction may change the date or severity).
    const validatedAgainst = this.catalogues
      .all()
      .find((c) => c.document.version === record.catalogueVersion)
      ?.definition(record.recordType);
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
        publicityEndsOn: validatedAgainst ? recordPublicityEndsOn(validatedAgainst, record.severity, record.decisionDate) : null,
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
