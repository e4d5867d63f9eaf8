import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecognitionTable, recognitionReferenceProblems, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from '../../engine/domain/recognition';
import { SHIPPED_SCHEMES } from '../../engine/domain/shipped-schemes';

/**
 * The shipped recognition tables, checked at boot: a table with a gap, an unknown ladder, or
 * naming a scheme that is not shipped (or not on that scheme's ladder) stops the service, naming it.
 */
@Injectable()
export class RecognitionTables implements OnModuleInit {
  private readonly tables = new Map<string, RecognitionTable>();

  onModuleInit(): void {
    for (const table of SHIPPED_RECOGNITION_TABLES) {
      const problems = [...recognitionTableProblems(table), ...recognitionReferenceProblems(table, SHIPPED_SCHEMES)];
      if (problems.length > 0) throw new Error(`recognition table ${table.id} is invalid: ${JSON.stringify(problems)}`);
      this.tables.set(table.id, table);
    }
  }

  all(): RecognitionTable[] {
    return [...this.tables.values()];
  }

  get(tableId: string): RecognitionTable | undefined {
    return this.tables.get(tableId);
  }
}
