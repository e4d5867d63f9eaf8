import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { ListRecognitionTablesQuery } from './list-recognition-tables.query';
import type { RecognitionTableVersion } from './recognition-table-versions';
import { RecognitionTables } from './recognition-tables';

/** The mutual recognition tables in force, each with its version: public rules, readable with evaluations:read. */
@Injectable()
export class ListRecognitionTablesHandler {
  constructor(private readonly tables: RecognitionTables) {}

  async execute(principal: Principal, _query: ListRecognitionTablesQuery = {}): Promise<RecognitionTableVersion[]> {
    assertScope(principal, Scopes.EvaluationsRead);
    return this.tables.inForce();
  }
}
