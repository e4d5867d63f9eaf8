import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An enterprise's claim of a monitoring violation, and later what it did about it. One per record. */
@Entity({ name: 'violation_claims' })
export class ViolationClaimEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column({ name: 'claimed_by' }) claimedBy: string;
  @Column() claimant: string;
  @Column({ name: 'claimed_at', type: 'timestamptz' }) claimedAt: Date;
  @Column({ type: 'text', nullable: true }) disposal: string | null;
  @Column({ name: 'disposed_by', type: 'text', nullable: true }) disposedBy: string | null;
  @Column({ name: 'disposed_at', type: 'timestamptz', nullable: true }) disposedAt: Date | null;
}
