import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { Catalogue } from '../domain/catalogue';
import { SHIPPED_CATALOGUES } from '../domain/shipped-catalogues';
import { CatalogueVersionEntity } from '../infrastructure/catalogue-version.entity';

/**
 * Keeps the catalogue versions in the database (the record of what each record was validated
 * against) and serves the one in force. At boot, shipped versions are stored if missing; a
 * stored version that differs from the shipped one stops the service — versions are immutable.
 */
@Injectable()
export class CatalogueStore implements OnModuleInit {
  private readonly logger = new Logger('Catalogue');
  private versions: Catalogue[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const repository = this.dataSource.getRepository(CatalogueVersionEntity);
    for (const document of SHIPPED_CATALOGUES) {
      // jsonb column: TypeORM's deep-partial typing cannot follow readonly arrays of schemas.
      const row = {
        version: document.version,
        effectiveFrom: document.effectiveFrom,
        document: JSON.parse(JSON.stringify(document)) as object,
        storedAt: new Date(),
      };
      await repository
        .createQueryBuilder()
        .insert()
        .values(row as never)
        .orIgnore()
        .execute();
      const stored = await repository.findOneByOrFail({ version: document.version });
      if (!isDeepStrictEqual(stored.document, JSON.parse(JSON.stringify(document)))) {
        throw new Error(`catalogue v${document.version} in the database differs from the shipped one: versions are immutable, add a new version instead`);
      }
    }
    const all = await repository.find({ order: { version: 'ASC' } });
    this.versions = all.map((row) => new Catalogue(row.document));
    this.logger.log(`catalogue versions ${all.map((r) => r.version).join(', ')}; in force: v${this.current().version}`);
  }

  /** Every stored version, oldest first (records keep the version they were validated against). */
  all(): readonly Catalogue[] {
    return this.versions;
  }

  /** The newest version whose effective date has come (China time). */
  current(today: string = chinaDateOf(new Date())): Catalogue {
    const inForce = this.versions.filter((c) => c.document.effectiveFrom <= today);
    const catalogue = inForce.at(-1) ?? this.versions[0];
    if (!catalogue) throw new Error('no catalogue version loaded');
    return catalogue;
  }
}
