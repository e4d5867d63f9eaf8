import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { isSector, SECTORS } from '@domain/credit';
import { DomainError } from '@platform/errors';
import { ConfigurationInForce } from '../../configuration/application/configuration-in-force';
import { describeProblem } from '../../configuration/domain/config-problem';
import { regionWithin } from '../../measures/domain/decision';
import { DrawErrorCode } from '../domain/draw-errors';
import { drawInspections, type PoolMember } from '../domain/draw';
import type { DrawInspectionsCommand, InspectionDraw } from './draw-inspections.command';

/**
 * A random inspection draw over the subjects graded in a place and sector: the plan of the place
 * gives the ratios, the pool is the latest grade of each subject in the plan's scheme, the seed is
 * the caller's or a fresh one. The draw is stored with its pool, so it can be shown and re-run.
 */
@Injectable()
export class DrawInspectionsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly configuration: ConfigurationInForce,
  ) {}

  async execute(principal: Principal, command: DrawInspectionsCommand): Promise<InspectionDraw> {
    assertScope(principal, Scopes.MeasuresDecide);
    if (!command.sector || !isSector(command.sector))
      throw DomainError.validation(DrawErrorCode.Invalid, [{ field: 'pool.sector', message: `must be a sector: one of ${SECTORS.join(', ')}` }]);
    assertRegionScope(principal, command.region, 'pool.region');
    const checked = this.configuration.drawPlans().find((p) => p.item.sectors.includes(command.sector) && regionWithin(command.region, p.item.region));
    if (!checked) throw DomainError.notFound(DrawErrorCode.NoPlan, `No inspection draw plan for sector "${command.sector}" in region ${command.region}.`);
    // Never an empty pool drawn from a scheme nobody grades with (issue 16): a plan that cannot be applied says why.
    if (checked.status === 'pending') {
      throw new DomainError(
        DrawErrorCode.PlanPending,
        'precondition',
        `Draw plan ${checked.id} is pending: it waits for evaluation scheme(s) ${checked.waitingFor.join(', ')}, not published yet.`,
        [{ field: 'pool', message: `plan ${checked.id} waits for scheme(s) ${checked.waitingFor.join(', ')}`, code: 'PLAN_PENDING' }],
      );
    }
    if (checked.status === 'invalid') {
      throw new DomainError(
        DrawErrorCode.PlanInvalid,
        'precondition',
        `Draw plan ${checked.id} refers to what does not exist: ${checked.problems.map(describeProblem).join('; ')}`,
        checked.problems.map((p) => ({ field: `plan.${p.path}`, message: `"${p.reference}": ${p.reason}`, code: p.code })),
      );
    }
    const plan = checked.item;
    const seed = command.seed ?? randomInt(0, 2 ** 31 - 1);
    const pool: PoolMember[] = (
      await this.dataSource.query(
        `SELECT DISTINCT ON (subject_id) subject_id, grade FROM subject_grades WHERE scheme_id = $1 AND region LIKE $2 ORDER BY subject_id, cycle DESC`,
        [plan.schemeId, `${regionPrefix(command.region)}%`],
      )
    ).map((r: { subject_id: string; grade: string }) => ({ subjectId: r.subject_id, grade: r.grade }));
    const result = drawInspections(plan, pool, seed);
    const drawId = uuidv7();
    const drawnAt = new Date();
    await this.dataSource.query(
      `INSERT INTO inspection_draws (id, plan_id, region, sector, seed, algorithm, pool, drawn, drawn_by, drawn_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        drawId,
        plan.id,
        command.region,
        command.sector,
        result.seed,
        result.algorithm,
        JSON.stringify(pool),
        JSON.stringify(result.drawn),
        principal.clientId,
        drawnAt,
      ],
    );
    return {
      drawId,
      planId: plan.id,
      planSource: plan.source,
      schemeId: plan.schemeId,
      seed: result.seed,
      algorithm: result.algorithm,
      pool: [...pool].sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1)),
      drawn: result.drawn,
      byGrade: result.byGrade,
      drawnAt: drawnAt.toISOString(),
    };
  }
}

/** 330100 → "3301", 370000 → "37", 330106 → "330106". */
function regionPrefix(region: string): string {
  return region.endsWith('0000') ? region.slice(0, 2) : region.endsWith('00') ? region.slice(0, 4) : region;
}
