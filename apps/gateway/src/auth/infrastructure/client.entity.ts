import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClientKind } from '@platform/auth';

@Entity({ name: 'clients' })
export class ClientEntity {
  @PrimaryColumn({ name: 'client_id' }) clientId: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: Exclude<ClientKind, 'public'>;
  @Column({ type: 'char', length: 6 }) region: string;
  @Column({ type: 'text', array: true }) scopes: string[];
  /** scrypt hash, never the secret (see client-secret.ts). */
  @Column({ name: 'secret_hash' }) secretHash: string;
  @Column() disabled: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** When the current secret was set (registration or the last rotation). */
  @Column({ name: 'secret_set_at', type: 'timestamptz' }) secretSetAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
}
