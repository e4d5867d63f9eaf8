import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'client_id', type: 'text', nullable: true }) clientId: string | null;
  @Column() method: string;
  @Column() path: string;
  @Column({ type: 'int' }) status: number;
  @Column({ name: 'trace_id', type: 'text', nullable: true }) traceId: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
}
