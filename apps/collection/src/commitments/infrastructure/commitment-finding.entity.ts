import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Severity, SubjectKind } from '@domain/credit';
import type { FindingStatus } from '../domain/commitment-finding';

/** A broken commitment the scheduler detected, awaiting (or past) the accepting unit's decision. */
@Entity({ name: 'commitment_findings' })
export class CommitmentFindingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'commitment_record_id', type: 'uuid' }) commitmentRecordId: string;
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind: SubjectKind;
  @Column({ name: 'subject_id' }) subjectId: string;
  @Column({ name: 'subject_name' }) subjectName: string;
  @Column() region: string;
  /** The unit that accepted the commitment (the commitment record's source client): it decides. */
  @Column({ name: 'accepting_client_id' }) acceptingClientId: string;
  @Column({ name: 'commitment_document_number' }) commitmentDocumentNumber: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column() description: string;
  @Column({ type: 'text', nullable: true }) consequence: string | null;
  @Column({ type: 'text' }) status: FindingStatus;
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt: Date;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_document_number', type: 'text', nullable: true }) decisionDocumentNumber: string | null;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'text', nullable: true }) severity: Severity | null;
  @Column({ name: 'dismiss_reason', type: 'text', nullable: true }) dismissReason: string | null;
  @Column({ name: 'broken_record_id', type: 'uuid', nullable: true }) brokenRecordId: string | null;
}
