import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { Recognition } from '../../engine/domain/recognition';
import { equivalentOf } from '../domain/partner-grade';
import { partnerGrades, type StoredPartnerGrade } from '../infrastructure/partner-grades.repository';
import { RecognitionTables } from './recognition-tables';

/**
 * Partner provinces' grades of one subject (ADR 0085), each with its provenance and, when the
 * agreement names a recognition table, what it counts as on our ladder by the version of the
 * table in force now. The region rule is the gateway's (SubjectScope), as for evaluations.
 */
@Injectable()
export class ListPartnerGradesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: RecognitionTables,
  ) {}

  async execute(principal: Principal, subjectId: string): Promise<(StoredPartnerGrade & { equivalent?: Recognition })[]> {
    assertScope(principal, Scopes.EvaluationsRead);
    const held = await partnerGrades.ofSubject(this.dataSource.manager, subjectId.trim().toUpperCase());
    return Promise.all(
      held.map(async (g) => ({ ...g, equivalent: equivalentOf(g.recognitionTableId ? await this.tables.get(g.recognitionTableId) : undefined, g.grade) })),
    );
  }
}
