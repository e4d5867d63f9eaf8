import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { regionWithin } from '../../measures/domain/decision';
import { DrawErrorCode } from '../domain/draw-errors';
import { drawInspections, type PoolMember } from '../domain/draw';
import { SHIPPED_DRAW_PLANS } from '../domain/draw-plan';
import type { DrawInspectionsCommand, InspectionDraw } from './draw-inspections.command';

/**
 * A random inspection draw over the subjects graded in a place and sector: the plan of the place
 * gives the ratios, the pool is the latest grade of each subject in the plan's scheme, the seed is
 * the caller's or a fresh one. The draw is stored with its pool, so it can be shown and re-run.
 */
@Injectable()
export class DrawInspectionsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, command: DrawInspectionsCommand): Promise<InspectionDraw> {
    assertScope(principal, Scopes.MeasuresDecide);
    if (!command.sector) throw DomainError.validation(DrawErrorCode.Invalid, [{ field: 'pool.sector', message: 'is required' }]);
    assertRegionScope(principal, command.region, 'pool.region');
    const plan = SHIPPED_DRAW_PLANS.find((p) => p.sector === command.sector && regionWithin(command.region, p.region));
    if (!plan) throw DomainError.notFound(DrawErrorCode.NoPlan, `No inspection draw plan for sector "${command.sector}" in region ${command.region}.`);
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
