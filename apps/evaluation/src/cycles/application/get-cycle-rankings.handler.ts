import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CycleErrorCode } from '../domain/cycle-errors';
import { GetCycleRankingsQuery, RankingsView } from './get-cycle-rankings.query';
import { parseRankingRequest, rankCycleResults } from './rank-cycle-results';

/**
 * Rankings from a closed cycle's results (issue 4 item 10): subjects by score, or cities and
 * counties by their subjects' mean score, counted only inside the caller's region. Ties share a
 * rank (1, 2, 2, 4). Rankings per week, month, quarter or year whatever the scheme's cycle:
 * GetPeriodRankingsHandler (a ranking is a close with purpose `ranking`, read here as well).
 */
@Injectable()
export class GetCycleRankingsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { id, by, limit }: GetCycleRankingsQuery): Promise<RankingsView> {
    assertScope(principal, Scopes.EvaluationsRead);
    const { level, size } = parseRankingRequest(by, limit);
    const notFound = DomainError.notFound(CycleErrorCode.NotFound, `No evaluation cycle ${id}.`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
    const [cycle]: { period: string; status: string }[] = await this.dataSource.query(`SELECT period, status FROM evaluation_cycles WHERE id = $1`, [id]);
    if (!cycle) throw notFound;
    if (cycle.status !== 'completed') {
      throw new DomainError(CycleErrorCode.NotCompleted, 'precondition', `Cycle ${id} is still being closed; rankings come when it completes.`);
    }
    return { id, period: cycle.period, by: level, ...(await rankCycleResults(this.dataSource, id, principal, level, size)) };
  }
}
