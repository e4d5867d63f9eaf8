import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import { OutboxPublisher } from '@platform/service';
import { summarise, ValidSubmission } from '../domain/record-submission';

export interface WrittenRecord {
  /** Index into the submissions given. */
  index: number;
  id: string;
}

/**
 * Writes records with their first versions (one statement) and their `credit.records.created`
 * events (a second), inside the caller's transaction. Rows that hit a unique constraint (the same
 * document about the same subject, or a source id / idempotency key already used by the client)
 * are skipped, not failed: the caller decides whether that is a replay or a duplicate.
 */
@Injectable()
export class RecordWriter {
  constructor(private readonly outbox: OutboxPublisher) {}

  async write(manager: EntityManager, clientId: string, submissions: readonly ValidSubmission[], receivedAt = new Date()): Promise<WrittenRecord[]> {
    if (submissions.length === 0) return [];
    const ids = submissions.map(() => uuidv7());
    const column = <T>(pick: (s: ValidSubmission) => T) => submissions.map(pick);
    // The record rows and their first versions in one statement (one round trip less per write).
    const inserted: { id: string }[] = await manager.query(
      `WITH inserted AS (
       INSERT INTO credit_records (id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date,
          document_number, status, payload, source_client_id, source_record_id, idempotency_key, received_at, catalogue_version, version)
       SELECT t.id, t.record_type, t.subject_kind, t.subject_id, t.subject_name, t.region, t.severity, t.decision_date,
          t.document_number, 'active', t.payload, $11, t.source_record_id, t.idempotency_key, $12, t.catalogue_version, 1
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[],
                     $10::jsonb[], $13::text[], $14::text[], $15::int[])
           AS t (id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, document_number,
                 payload, source_record_id, idempotency_key, catalogue_version)
       ON CONFLICT DO NOTHING
       RETURNING id
       ), versions AS (
         INSERT INTO credit_record_versions (record_id, version, status, change, reason, changed_at, changed_by)
         SELECT id, 1, 'active', 'created', '', $12, $11 FROM inserted
       )
       SELECT id FROM inserted`,
      [
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
        clientId,
        receivedAt,
        column((s) => s.sourceRecordId),
        column((s) => s.idempotencyKey),
        column((s) => s.catalogueVersion),
      ],
    );
    const insertedIds = new Set(inserted.map((row) => row.id));
    const written = ids.flatMap((id, index) => (insertedIds.has(id) ? [{ index, id }] : []));
    if (written.length === 0) return written;
    await this.outbox.appendMany(
      manager,
      Events.CreditRecordCreated,
      written.map(({ index, id }) => {
        const s = submissions[index];
        return {
          subjectId: s.subject.id,
          region: s.region,
          occurredAt: receivedAt,
          data: {
            recordId: id,
            recordType: s.type.code,
            subject: s.subject,
            region: s.region,
            severity: s.severity,
            decisionDate: s.decisionDate,
            documentNumber: s.documentNumber,
            isPublic: s.type.isPublic,
            summary: summarise(s),
            sourceClientId: clientId,
            receivedAt: receivedAt.toISOString(),
            payload: s.payload,
          },
        };
      }),
    );
    return written;
  }
}
