import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { tierOf } from '@domain/credit';
import { SchemeRegistry } from '../../schemes/application/scheme-registry';
import { CycleErrorCode } from '../domain/cycle-errors';
import { CycleView, GetCycleQuery } from './get-cycle.query';

/** Progress of a close, and the grade distribution of the subjects graded so far. */
@Injectable()
export class GetCycleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schemes: SchemeRegistry,
  ) {}

  async execute(principal: Principal, { id }: GetCycleQuery): Promise<CycleView> {
    assertScope(principal, Scopes.EvaluationsRead);
    const notFound = DomainError.notFound(CycleErrorCode.NotFound, `No evaluation cycle ${id}.`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
    const [row]: {
      scheme_id: string;
      scheme_version: number;
      period: string;
      start_date: string;
      end_date: string;
      cutoff: Date;
      status: string;
      total: number;
      processed: number;
      requested_at: Date;
      completed_at: Date | null;
      purpose: string;
    }[] = await this.dataSource.query(
      `SELECT scheme_id, scheme_version, period, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
              cutoff, status, total, processed, requested_at, completed_at, purpose
         FROM evaluation_cycles WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound;
    const grades: { grade: string; count: number }[] = await this.dataSource.query(
      `SELECT grade, count(*)::int AS count FROM cycle_results WHERE cycle_id = $1 GROUP BY grade ORDER BY grade`,
      [id],
    );
    const distribution: Record<string, number> = Object.fromEntries(grades.map((g) => [g.grade, g.count]));
    const { ladder } = await this.schemes.load(this.dataSource.manager, row.scheme_id, row.scheme_version);
    return {
      id,
      schemeId: row.scheme_id,
      schemeVersion: row.scheme_version,
      period: row.period,
      start: row.start_date,
      end: row.end_date,
      cutoff: row.cutoff.toISOString(),
      status: row.status,
      total: row.total,
      processed: row.processed,
      distribution,
      ladder: ladder.grades.map((grade) => ({ grade, tier: tierOf(ladder, grade) ?? '', count: distribution[grade] ?? 0 })),
      requestedAt: row.requested_at.toISOString(),
      completedAt: row.completed_at?.toISOString() ?? '',
      purpose: row.purpose,
    };
  }
}
