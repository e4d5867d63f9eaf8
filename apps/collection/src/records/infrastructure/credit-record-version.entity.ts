import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecordStatus } from '../domain/credit-record';

/** One version of a record: appended on every change, never updated or deleted. */
@Entity({ name: 'credit_record_versions' })
export class CreditRecordVersionEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text' }) status: RecordStatus;
  @Column() change: string;
  @Column() reason: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
  @Column({ name: 'changed_by' }) changedBy: string;
  /** For a correction: { field: { from, to } }. */
  @Column({ type: 'jsonb', nullable: true }) changes: Record<string, { from: unknown; to: unknown }> | null;
}
