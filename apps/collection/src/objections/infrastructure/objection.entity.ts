import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecordStatus } from '../../records/domain/credit-record';

@Entity({ name: 'objections' })
export class ObjectionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column() region: string;
  /** The unit that provided the record and must answer (谁提供、谁负责). */
  @Column({ name: 'provider_client_id' }) providerClientId: string;
  /** open | upheld | rejected */
  @Column() status: string;
  /** The record's status before the objection: where a rejected objection returns it. */
  @Column({ name: 'record_status_before', type: 'text' }) recordStatusBefore: RecordStatus;
  @Column() reason: string;
  @Column({ type: 'jsonb' }) objector: { name: string; contact: string };
  @Column({ name: 'opened_by' }) openedBy: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  /** corrected | revoked | rejected */
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'resolved_by', type: 'text', nullable: true }) resolvedBy: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  /** Hash of the request first answered with `idempotencyKey` (null: no key, or stored before hashes were kept). */
  @Column({ name: 'idempotency_request_hash', type: 'text', nullable: true }) idempotencyRequestHash: string | null;
}
