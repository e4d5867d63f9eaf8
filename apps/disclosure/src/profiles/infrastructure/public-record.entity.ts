import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'public_records' })
export class PublicRecordEntity {
  /** Internal id from collection: used for updates, never returned to the public. */
  @PrimaryColumn({ name: 'record_id', type: 'uuid' }) recordId: string;
  @Column({ type: 'char', length: 18 }) uscc: string;
  @Column({ name: 'record_type' }) recordType: string;
  @Column({ name: 'document_number' }) documentNumber: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate: string;
  @Column() severity: string;
  @Column() summary: string;
  @Column({ name: 'published_from', type: 'timestamptz' }) publishedFrom: Date;
  @Column({ name: 'published_until', type: 'timestamptz' }) publishedUntil: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  /** The item's public id in the publication log (never collection's record id). */
  @Column({ name: 'publication_id', type: 'uuid', insert: false, update: false }) publicationId: string;
  /** The record version shown (collection's version number). */
  @Column({ name: 'record_version', type: 'int', default: 1 }) recordVersion: number;
  /** An objection (异议) is open on the record: the public sees it marked as disputed. */
  @Column({ name: 'under_objection', type: 'boolean', default: false }) underObjection: boolean;
  /** The partner province that decided a record it shared with us (ADR 0069, ADR 0086); written by the projection's SQL. */
  @Column({ name: 'partner_region', type: 'text', nullable: true, insert: false, update: false }) partnerRegion: string | null;
  /** The record was corrected after publication: the public sees that it was. */
  @Column({ type: 'boolean', default: false }) corrected: boolean;
}
