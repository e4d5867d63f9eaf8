import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'credit_records' })
export class CreditRecordEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'record_type' }) recordType: string;
  @Column({ name: 'subject_kind' }) subjectKind: string;
  @Column({ name: 'subject_id' }) subjectId: string;
  @Column({ name: 'subject_name' }) subjectName: string;
  @Column() region: string;
  @Column() severity: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate: string;
  @Column({ name: 'document_number' }) documentNumber: string;
  @Column() status: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'source_client_id' }) sourceClientId: string;
  @Column({ name: 'source_record_id', type: 'text', nullable: true }) sourceRecordId: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'catalogue_version', type: 'int' }) catalogueVersion: number;
  /** Current version number; the versions themselves are in credit_record_versions. */
  @Column({ type: 'int' }) version: number;
}
