import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { compileScheme, CompiledScheme } from '../../engine/domain/compile-scheme';
import type { SchemeDocument } from '../../engine/domain/scheme-document';
import { SHIPPED_SCHEMES } from '../../engine/domain/shipped-schemes';

export interface SchemeVersionRef {
  schemeId: string;
  version: number;
}

export interface LoadedScheme extends SchemeVersionRef {
  compiled: CompiledScheme;
}

/** The system user that stores the shipped schemes. */
export const SHIPPED_BY = 'platform:shipped';

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

  /** Stores each shipped scheme as its version 1, active, when the scheme id is not there yet. */
  async onModuleInit(): Promise<void> {
    for (const document of SHIPPED_SCHEMES) {
      await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO schemes (id, latest_version, active_version) VALUES ($1, 1, 1) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [document.id],
        );
        if (inserted.length === 0) return;
        await manager.query(
          `INSERT INTO scheme_versions (scheme_id, version, status, document, uploaded_by, uploaded_at, published_at) VALUES ($1, 1, 'active', $2, $3, now(), now())`,
          [document.id, JSON.stringify(document), SHIPPED_BY],
        );
        this.logger.log(`stored shipped scheme ${document.id} as version 1`);
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
