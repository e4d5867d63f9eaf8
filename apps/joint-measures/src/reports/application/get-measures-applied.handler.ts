import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ReportErrorCode } from '../domain/report-errors';
import type { GetMeasuresAppliedQuery, MeasuresAppliedReport } from './get-measures-applied.query';

/** `LIKE` pattern of a region and everything below it (assertRegionScope has checked the code). */
function regionPattern(region: string): string {
  const code = parseRegionCode(region);
  return code.ok ? `${regionPrefix(code.value)}%` : region;
}

/**
 * Measures actually applied, per asking unit and month (DOMAIN.md §4, seed 001): read from the
 * decision log, so the report counts what callers were told, not what the catalogue allows.
 */
@Injectable()
export class GetMeasuresAppliedHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: GetMeasuresAppliedQuery): Promise<MeasuresAppliedReport> {
    assertScope(principal, Scopes.RecordsRead);
    const region = query.region || principal.region;
    assertRegionScope(principal, region);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) throw DomainError.validation(ReportErrorCode.Invalid, [{ field: 'month', message: 'must be YYYY-MM' }]);
    const from = `${query.month}-01`;
    const rows: { unit: string; measure: string; scene: string; effect: string; applied: string; subjects: string }[] = await this.dataSource.query(
      `SELECT d.asked_by AS unit, m->>'code' AS measure, d.scene, m->>'effect' AS effect, count(*) AS applied, count(DISTINCT d.subject_id) AS subjects
         FROM decisions d CROSS JOIN LATERAL jsonb_array_elements(d.measures) AS m
        WHERE d.region LIKE $1 AND d.decided_on >= $2::date AND d.decided_on < ($2::date + interval '1 month')
        GROUP BY d.asked_by, m->>'code', d.scene, m->>'effect'
        ORDER BY d.asked_by, m->>'code', d.scene`,
      [regionPattern(region), from],
    );
    const totals: { unit: string; decisions: string; denied: string; conditional: string }[] = await this.dataSource.query(
      `SELECT asked_by AS unit, count(*) AS decisions, count(*) FILTER (WHERE outcome = 'deny') AS denied, count(*) FILTER (WHERE outcome = 'conditional') AS conditional
         FROM decisions WHERE region LIKE $1 AND decided_on >= $2::date AND decided_on < ($2::date + interval '1 month')
        GROUP BY asked_by ORDER BY asked_by`,
      [regionPattern(region), from],
    );
    return {
      region,
      month: query.month,
      units: totals.map((t) => ({
        unit: t.unit,
        decisions: Number(t.decisions),
        denied: Number(t.denied),
        conditional: Number(t.conditional),
        measures: rows
          .filter((r) => r.unit === t.unit)
          .map((r) => ({ code: r.measure, scene: r.scene, effect: r.effect, applied: Number(r.applied), subjects: Number(r.subjects) })),
      })),
    };
  }
}
