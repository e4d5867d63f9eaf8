import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditRecord, RecordStatus, Severity, SubjectKind } from '../domain/credit-record';

@Entity({ name: 'credit_records' })
export class CreditRecordEntity implements CreditRecord {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'record_type' }) recordType: string;
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind: SubjectKind;
  @Column({ name: 'subject_id' }) subjectId: string;
  @Column({ name: 'subject_name' }) subjectName: string;
  @Column() region: string;
  @Column({ type: 'text' }) severity: Severity;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate: string;
  @Column({ name: 'document_number' }) documentNumber: string;
  @Column({ type: 'text' }) status: RecordStatus;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'source_client_id' }) sourceClientId: string;
  @Column({ name: 'source_record_id', type: 'text', nullable: true }) sourceRecordId: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  /** Hash of the request first answered with `idempotencyKey` (null: no key, or stored before hashes were kept). */
  @Column({ name: 'idempotency_request_hash', type: 'text', nullable: true }) idempotencyRequestHash: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'catalogue_version', type: 'int' }) catalogueVersion: number;
  /** Current version number; the versions themselves are in credit_record_versions. */
  @Column({ type: 'int' }) version: number;
  /** Set on a record a partner province pushed (ADR 0069); null on ours. */
  @Column({ name: 'partner_region', type: 'text', nullable: true }) partnerRegion: string | null;
  @Column({ name: 'partner_reference', type: 'text', nullable: true }) partnerReference: string | null;
  @Column({ name: 'partner_agreement', type: 'text', nullable: true }) partnerAgreement: string | null;
  /** Set on a partner's record held from its change feed (ADR 0086): public facts only, the partner's summary. */
  @Column({ name: 'public_summary', type: 'text', nullable: true }) publicSummary: string | null;
  /** The source's publication version last applied from the partner's feed; null until one was. */
  @Column({ name: 'partner_version', type: 'int', nullable: true }) partnerVersion: number | null;
}
