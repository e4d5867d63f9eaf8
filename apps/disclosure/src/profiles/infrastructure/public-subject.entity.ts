import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'public_subjects' })
export class PublicSubjectEntity {
  @PrimaryColumn({ type: 'char', length: 18 }) uscc: string;
  @Column() name: string;
  @Column({ type: 'char', length: 6 }) region: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
