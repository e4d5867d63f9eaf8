import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SHIPPED_BY } from '@platform/database';
import { compileScheme, CompiledScheme } from '../../engine/domain/compile-scheme';
import type { SchemeDocument } from '../../engine/domain/scheme-document';
import { SHIPPED_SCHEMES } from '../../engine/domain/shipped-schemes';
import { lockScheme, shippedUpdateOf, storeSchemeVersion } from './scheme-versions';

export interface SchemeVersionRef {
  schemeId: string;
  version: number;
}

export interface LoadedScheme extends SchemeVersionRef {
  compiled: CompiledScheme;
}

/**
 * Compiled scheme versions, cached by (id, version): versions are immutable, so a compiled one
 * never goes stale, and every replica finds out which versions are active from the database in
 * the transaction that uses them (a publish on another replica is seen at once).
 */
@Injectable()
export class SchemeRegistry implements OnModuleInit {
  private readonly logger = new Logger('SchemeRegistry');
  private readonly compiled = new Map<string, CompiledScheme>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings each shipped scheme into the database (ADR 0047): version 1 when its id is new; a new
   * version in force when the shipped document changed since the last version that came from the
   * shipped set (content hash) — regraded like a regulator's publication, and announced by
   * AnnounceSchemesAtStart — unless a regulator uploaded a version of their own since: that one is
   * kept, a warning names both, and the listing reports `shippedUpdateAvailable`. One transaction
   * per scheme under its row lock, so two replicas starting at once store it once.
   */
  async onModuleInit(): Promise<void> {
    for (const document of SHIPPED_SCHEMES) {
      await this.dataSource.transaction(async (manager) => {
        const { active } = await lockScheme(manager, document.id);
        const update = await shippedUpdateOf(manager, document);
        if (update.action === 'current') return;
        if (update.action === 'held') {
          const since = update.shippedVersion > 0 ? `changed since its shipped version ${update.shippedVersion}` : 'was never stored from the shipped set';
          this.logger.warn(
            `shipped scheme ${document.id} ${since}, but version ${update.operatorVersion} was uploaded by an operator: kept; the shipped document is not applied (listed with shippedUpdateAvailable)`,
          );
          return;
        }
        const version = update.action === 'store-first' ? 1 : update.version;
        // A first version has nothing graded under it to regrade; a changed one regrades its scope.
        await storeSchemeVersion(manager, document, version, { publish: true, uploadedBy: SHIPPED_BY, active, regrade: update.action === 'store' });
        if (update.action === 'store-first') this.logger.log(`stored shipped scheme ${document.id} as version 1`);
        else this.logger.log(`shipped scheme ${document.id} changed since version ${update.replacesShipped}: stored as version ${version}, in force`);
      });
    }
  }

  /** Versions in force at `at` (now by default), compiled. */
  async activeAt(manager: EntityManager, at?: Date): Promise<LoadedScheme[]> {
    const rows: { scheme_id: string; version: number }[] = at
      ? await manager.query(
          `SELECT scheme_id, version FROM scheme_versions
            WHERE published_at <= $1 AND (retired_at IS NULL OR retired_at > $1) ORDER BY scheme_id`,
          [at],
        )
      : await manager.query(`SELECT scheme_id, version FROM scheme_versions WHERE status = 'active' ORDER BY scheme_id`);
    // One after another: `manager` may be a transaction's single connection, where concurrent
    // queries only queue (and pg 9 will refuse them).
    const loaded: LoadedScheme[] = [];
    for (const row of rows) loaded.push({ schemeId: row.scheme_id, version: row.version, compiled: await this.load(manager, row.scheme_id, row.version) });
    return loaded;
  }

  async load(manager: EntityManager, schemeId: string, version: number): Promise<CompiledScheme> {
    const key = `${schemeId}@${version}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const [row]: { document: SchemeDocument }[] = await manager.query(`SELECT document FROM scheme_versions WHERE scheme_id = $1 AND version = $2`, [
      schemeId,
      version,
    ]);
    if (!row) throw new Error(`scheme ${key} is not stored`);
    const result = compileScheme(row.document);
    // Stored versions compiled when they were uploaded; failing now means the engine changed under them.
    if (!result.ok) throw new Error(`stored scheme ${key} no longer compiles: ${JSON.stringify(result.problems)}`);
    this.compiled.set(key, result.scheme);
    return result.scheme;
  }
}
