import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { ListRecognitionTablesQuery } from './list-recognition-tables.query';
import type { RecognitionTableVersion } from './recognition-table-versions';
import { RecognitionTables } from './recognition-tables';

/** A table in force, and whether the build ships a change an operator's version holds back (ADR 0047). */
export interface ListedRecognitionTable extends RecognitionTableVersion {
  shippedUpdateAvailable: boolean;
}

/** The mutual recognition tables in force, each with its version: public rules, readable with evaluations:read. */
@Injectable()
export class ListRecognitionTablesHandler {
  constructor(private readonly tables: RecognitionTables) {}

  async execute(principal: Principal, _query: ListRecognitionTablesQuery = {}): Promise<ListedRecognitionTable[]> {
    assertScope(principal, Scopes.EvaluationsRead);
    const held = await this.tables.heldShippedUpdates();
    return (await this.tables.inForce()).map((stored) => ({ ...stored, shippedUpdateAvailable: held.has(stored.tableId) }));
  }
}
