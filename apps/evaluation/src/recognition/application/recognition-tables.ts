import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SHIPPED_BY } from '@platform/database';
import { RecognitionTable, recognitionReferenceProblems, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from '../../engine/domain/recognition';
import { SHIPPED_SCHEMES } from '../../engine/domain/shipped-schemes';
import {
  lockRecognitionTable,
  readRecognitionTableVersion,
  RecognitionTableVersion,
  schemesInForce,
  shippedRecognitionUpdateOf,
  storeRecognitionTableVersion,
} from './recognition-table-versions';

/**
 * The recognition tables in force (issue 16 item 2, ADR 0049). The shipped tables are checked at
 * boot with the same reference check as an upload (against the shipped schemes): a table with a
 * gap, an unknown ladder, region or grade, or naming a scheme that is not shipped (or not on that
 * scheme's ladder) stops the service, naming it. They are then stored as versions (ADR 0047:
 * version 1 by `platform:shipped`; a changed shipped table becomes a new version unless an
 * operator uploaded one since). Which version is in force is read from the database on every call
 * (an upload on another replica is seen at once); versions are immutable, so their documents are
 * cached by (id, version) — the way SchemeRegistry caches compiled schemes.
 */
@Injectable()
export class RecognitionTables implements OnModuleInit {
  private readonly logger = new Logger('RecognitionTables');
  private readonly versions = new Map<string, RecognitionTableVersion>();

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    for (const table of SHIPPED_RECOGNITION_TABLES) {
      const problems = [...recognitionReferenceProblems(table, SHIPPED_SCHEMES), ...recognitionTableProblems(table)];
      if (problems.length > 0) throw new Error(`recognition table ${table.id} is invalid: ${JSON.stringify(problems)}`);
    }
    for (const table of SHIPPED_RECOGNITION_TABLES) {
      await this.dataSource.transaction(async (manager) => {
        await lockRecognitionTable(manager, table.id);
        const update = await shippedRecognitionUpdateOf(manager, table);
        if (update.action === 'current') return;
        if (update.action === 'held') {
          this.logger.warn(
            `shipped recognition table ${table.id} changed since its shipped version ${update.shippedVersion}, but version ${update.operatorVersion} was uploaded by an operator: kept`,
          );
          return;
        }
        const version = update.action === 'store-first' ? 1 : update.version;
        await storeRecognitionTableVersion(manager, table, version, SHIPPED_BY);
        this.logger.log(`stored shipped recognition table ${table.id} as version ${version}`);
      });
    }
    await this.warnDangling();
  }

  /**
   * The versions in force checked again against the schemes in force now: an operator's table may
   * name a scheme retired since it was uploaded. Not fatal (it is the operator's data, and the
   * recognise route still answers from it), but named at every start until a new version is uploaded.
   */
  private async warnDangling(): Promise<void> {
    const schemes = await schemesInForce(this.dataSource.manager);
    if (schemes.length === 0) return; // a database whose schemes are not stored yet: nothing to check against
    for (const stored of await this.inForce()) {
      const problems = recognitionReferenceProblems(stored.table, schemes);
      if (problems.length > 0) {
        this.logger.warn(
          `recognition table ${stored.tableId} version ${stored.version} (in force) refers to what does not exist: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        );
      }
    }
  }

  /** The shipped tables the build changed but an operator's later version holds back (ADR 0047). */
  async heldShippedUpdates(): Promise<Set<string>> {
    const held = new Set<string>();
    for (const table of SHIPPED_RECOGNITION_TABLES) {
      if ((await shippedRecognitionUpdateOf(this.dataSource.manager, table)).action === 'held') held.add(table.id);
    }
    return held;
  }

  /** Every table in force with its version, by id. */
  async inForce(manager: EntityManager = this.dataSource.manager): Promise<RecognitionTableVersion[]> {
    const rows: { id: string; active_version: number }[] = await manager.query(
      `SELECT id, active_version FROM recognition_tables WHERE active_version > 0 ORDER BY id`,
    );
    const result: RecognitionTableVersion[] = [];
    for (const row of rows) result.push((await this.version(row.id, row.active_version, manager))!);
    return result;
  }

  /** The version of `tableId` in force, or undefined when there is no such table. */
  async get(tableId: string, manager: EntityManager = this.dataSource.manager): Promise<RecognitionTable | undefined> {
    const [row]: { active_version: number }[] = await manager.query(`SELECT active_version FROM recognition_tables WHERE id = $1 AND active_version > 0`, [
      tableId,
    ]);
    return row ? (await this.version(tableId, row.active_version, manager))?.table : undefined;
  }

  /** One stored version (immutable, so cached once read). */
  async version(tableId: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<RecognitionTableVersion | undefined> {
    const key = `${tableId}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const stored = await readRecognitionTableVersion(manager, tableId, version);
    if (stored) this.versions.set(key, stored);
    return stored;
  }
}
