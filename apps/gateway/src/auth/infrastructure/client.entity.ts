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
}
