import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { RecognitionTable } from '../../engine/domain/recognition';
import type { ListRecognitionTablesQuery } from './list-recognition-tables.query';
import { RecognitionTables } from './recognition-tables';

/** The mutual recognition tables: public rules, readable with evaluations:read. */
@Injectable()
export class ListRecognitionTablesHandler {
  constructor(private readonly tables: RecognitionTables) {}

  execute(principal: Principal, _query: ListRecognitionTablesQuery = {}): RecognitionTable[] {
    assertScope(principal, Scopes.EvaluationsRead);
    return this.tables.all();
  }
}
