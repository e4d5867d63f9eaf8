import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { Recognition, recognise, RecognitionTable, recognitionTableProblems, SHIPPED_RECOGNITION_TABLES } from '../../engine/domain/recognition';

export const RecognitionErrorCode = {
  TableNotFound: 'RECOGNITION.TABLE_NOT_FOUND',
  UnknownGrade: 'RECOGNITION.UNKNOWN_GRADE',
} as const;

/** The shipped recognition tables, checked at boot (a table with a gap stops the service). */
@Injectable()
export class RecognitionTables implements OnModuleInit {
  private readonly tables = new Map<string, RecognitionTable>();

  onModuleInit(): void {
    for (const table of SHIPPED_RECOGNITION_TABLES) {
      const problems = recognitionTableProblems(table);
      if (problems.length > 0) throw new Error(`recognition table ${table.id} is invalid: ${JSON.stringify(problems)}`);
      this.tables.set(table.id, table);
    }
  }

  list(principal: Principal): RecognitionTable[] {
    assertScope(principal, Scopes.EvaluationsRead);
    return [...this.tables.values()];
  }

  recognise(principal: Principal, tableId: string, partnerGrade: string): Recognition {
    assertScope(principal, Scopes.EvaluationsRead);
    const table = this.tables.get(tableId);
    if (!table) throw DomainError.notFound(RecognitionErrorCode.TableNotFound, `No recognition table ${tableId}.`);
    const recognition = recognise(table, partnerGrade);
    if (!recognition) {
      throw DomainError.validation(RecognitionErrorCode.UnknownGrade, [{ field: 'grade', message: `is not a grade of the partner's ladder ${table.partner.ladder}`, code: 'UNKNOWN_GRADE' }]);
    }
    return recognition;
  }
}
