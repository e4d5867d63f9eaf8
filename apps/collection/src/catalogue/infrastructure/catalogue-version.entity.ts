import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogueDocument } from '../domain/record-type-definition';

@Entity({ name: 'catalogue_versions' })
export class CatalogueVersionEntity {
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ type: 'jsonb' }) document: CatalogueDocument;
  @Column({ name: 'stored_at', type: 'timestamptz' }) storedAt: Date;
}
