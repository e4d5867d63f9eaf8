import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import { recordPublicityEndsOn } from '../../publicity/domain/publicity-expiry';
import { summarise, ValidSubmission } from '../domain/record-submission';
import type { ClientSubmission, RecordWriterPort, WrittenRecord } from '../application/records.tokens';
import { submissionRequestHash } from '../application/submission-request-hash';

/**
 * Writes records, their first versions and their `credit.records.created` events in ONE
 * statement (OutboxPublisher.writeKeyed): inside the caller's transaction, or on its own
 * (`dataSource.manager`), where PostgreSQL still applies it whole or not at all. Rows that hit a
 * unique constraint (the same document about the same subject, or a source id / idempotency key
 * already used by the client) are skipped with their events, not failed: the caller decides
 * whether that is a replay or a duplicate.
 */
@Injectable()
export class RecordWriter implements RecordWriterPort {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** One client's submissions (a batch chunk, a feed message, the commitments job). */
  write(manager: EntityManager, clientId: string, submissions: readonly ValidSubmission[], receivedAt = new Date()): Promise<WrittenRecord[]> {
    return this.writeEach(
      manager,
      submissions.map((submission) => ({ clientId, submission })),
      receivedAt,
    );
  }

  /** Submissions of any clients (the group commit of single submissions). */
  async writeEach(manager: EntityManager, items: readonly ClientSubmission[], receivedAt = new Date()): Promise<WrittenRecord[]> {
    if (items.length === 0) return [];
    const ids = items.map(() => uuidv7());
    const column = <T>(pick: (s: ValidSubmission) => T) => items.map((item) => pick(item.submission));
    const written = await this.outbox.writeKeyed(
      manager,
      {
        ctes: `inserted AS (
           INSERT INTO credit_records (id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date,
              document_number, status, payload, source_client_id, source_record_id, idempotency_key, idempotency_request_hash, received_at, catalogue_version, version,
              partner_region, partner_reference, partner_agreement)
           SELECT t.id, t.record_type, t.subject_kind, t.subject_id, t.subject_name, t.region, t.severity, t.decision_date,
              t.document_number, 'active', t.payload, t.source_client_id, t.source_record_id, t.idempotency_key, t.idempotency_request_hash, $12, t.catalogue_version, 1,
              t.partner_region, t.partner_reference, t.partner_agreement
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[],
                         $10::jsonb[], $11::text[], $13::text[], $14::text[], $15::int[], $16::text[], $17::text[], $18::text[], $19::text[])
               AS t (id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, document_number,
                     payload, source_client_id, source_record_id, idempotency_key, catalogue_version, idempotency_request_hash,
                     partner_region, partner_reference, partner_agreement)
           ON CONFLICT DO NOTHING
           RETURNING id, source_client_id
         ), versions AS (
           INSERT INTO credit_record_versions (record_id, version, status, change, reason, changed_at, changed_by)
           SELECT id, 1, 'active', 'created', '', $12, source_client_id FROM inserted
         )`,
        params: [
          ids,
          column((s) => s.type.code),
          column((s) => s.subject.kind),
          column((s) => s.subject.id),
          column((s) => s.subject.name),
          column((s) => s.region),
          column((s) => s.severity),
          column((s) => s.decisionDate),
          column((s) => s.documentNumber),
          column((s) => JSON.stringify(s.payload)),
          items.map((item) => item.clientId),
          receivedAt,
          column((s) => s.sourceRecordId),
          column((s) => s.idempotencyKey),
          column((s) => s.catalogueVersion),
          column((s) => (s.idempotencyKey ? submissionRequestHash(s) : null)),
          column((s) => s.partner?.region ?? null),
          column((s) => s.partner?.sourceReference ?? null),
          column((s) => s.partner?.agreement || null),
        ],
        written: 'inserted',
      },
      Events.CreditRecordCreated,
      items.map(({ clientId, submission: s }, index) => ({
        key: ids[index],
        subjectId: s.subject.id,
        region: s.region,
        occurredAt: receivedAt,
        data: {
          recordId: ids[index],
          recordType: s.type.code,
          subject: s.subject,
          region: s.region,
          severity: s.severity,
          decisionDate: s.decisionDate,
          documentNumber: s.documentNumber,
          isPublic: s.type.isPublic,
          publicityEndsOn: recordPublicityEndsOn(s.type, s.severity, s.decisionDate),
          summary: summarise(s),
          sourceClientId: clientId,
          receivedAt: receivedAt.toISOString(),
          payload: s.payload,
          ...(s.partner ? { partner: { region: s.partner.region, sourceReference: s.partner.sourceReference, agreement: s.partner.agreement } } : {}),
        },
      })),
    );
    const writtenIds = new Set(written);
    return ids.flatMap((id, index) => (writtenIds.has(id) ? [{ index, id }] : []));
  }
}
