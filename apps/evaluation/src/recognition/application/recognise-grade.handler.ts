import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { Recognition, recognise } from '../../engine/domain/recognition';
import { RecognitionErrorCode } from '../domain/recognition-errors';
import type { RecogniseGradeQuery } from './recognise-grade.query';
import { RecognitionTables } from './recognition-tables';

/** Reads a partner's grade on our ladder, through the version of the table in force. */
@Injectable()
export class RecogniseGradeHandler {
  constructor(private readonly tables: RecognitionTables) {}

  async execute(principal: Principal, { tableId, partnerGrade }: RecogniseGradeQuery): Promise<Recognition> {
    assertScope(principal, Scopes.EvaluationsRead);
    const table = await this.tables.get(tableId);
    if (!table) throw DomainError.notFound(RecognitionErrorCode.TableNotFound, `No recognition table ${tableId}.`);
    const recognition = recognise(table, partnerGrade);
    if (!recognition) {
      throw DomainError.validation(RecognitionErrorCode.UnknownGrade, [
        { field: 'grade', message: `is not a grade of the partner's ladder ${table.partner.ladder}`, code: 'UNKNOWN_GRADE' },
      ]);
    }
    return recognition;
  }
}
