import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ApplicationErrorCode } from '../domain/application-errors';
import { PERMIT_CALENDAR } from './applications.tokens';

export interface GetPermitStatisticsQuery {
  region?: string;
  month: string;
}

export interface PermitStatistics {
  region: string;
  month: string;
  permits: { permitClass: string; path: string; permits: number }[];
  decided: number;
  withinDeadline: number;
  overdue: number;
  averageProcessingWorkingDays: number;
  averageDeadlineWorkingDays: number;
  inspectionsExempted: number;
  remoteInspectionsDrawn: number;
  remoteDrawPool: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CHINA_DAY = `(x AT TIME ZONE 'Asia/Shanghai')::date`;
const china = (column: string) => CHINA_DAY.replace('x', column);

/**
 * A region's month of permits (issue 18 item 9, China dates): permits issued by class and path;
 * applications decided against their deadline (working days from acceptance to decision, by the
 * same calendar as the deadlines); commitment applications exempted from the on-site inspection;
 * the daily draws' remote inspections.
 */
@Injectable()
export class GetPermitStatisticsHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PERMIT_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, query: GetPermitStatisticsQuery): Promise<PermitStatistics> {
    assertScope(principal, Scopes.RecordsRead);
    const region = query.region || principal.region;
    if (!MONTH.test(query.month)) throw DomainError.validation(ApplicationErrorCode.InvalidReportQuery, [{ field: 'month', message: 'must be YYYY-MM' }]);
    const code = parseRegionCode(region);
    if (!code.ok) throw DomainError.validation(ApplicationErrorCode.InvalidReportQuery, [{ field: 'region', message: 'a GB/T 2260 code' }]);
    assertRegionScope(principal, region);
    const params = [`${regionPrefix(code.value)}%`, `${query.month}-01`];
    const inMonth = (day: string) => `${day} >= $2::date AND ${day} < ($2::date + interval '1 month')`;
    const m = this.dataSource.manager;
    const permits: { permit_class: string; path: string; n: string }[] = await m.query(
      `SELECT p.permit_class, a.path, count(*) AS n FROM permits p JOIN permit_applications a ON a.id = p.application_id
        WHERE p.region LIKE $1 AND ${inMonth(china('p.issued_at'))} GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    const decided: { accepted_on: string; decided_on: string; deadline: string; working_days: number }[] = await m.query(
      `SELECT accepted_on::text, ${china('decided_at')}::text AS decided_on, deadline::text, working_days FROM permit_applications
        WHERE region LIKE $1 AND decided_at IS NOT NULL AND accepted_on IS NOT NULL AND ${inMonth(china('decided_at'))}`,
      params,
    );
    const [exempted]: { n: string }[] = await m.query(
      `SELECT count(*) AS n FROM permit_applications WHERE region LIKE $1 AND path = 'commitment' AND status <> 'not-accepted' AND ${inMonth('accepted_on')}`,
      params,
    );
    const [draws]: { drawn: string | null; pool: string | null }[] = await m.query(
      `SELECT sum(jsonb_array_length(drawn)) AS drawn, sum(pool) AS pool FROM remote_inspection_draws WHERE region LIKE $1 AND ${inMonth('day')}`,
      params,
    );
    const processing = decided.map((d) => this.calendar.workingDaysBetween(d.accepted_on, d.decided_on));
    const within = decided.filter((d) => d.decided_on <= d.deadline).length;
    const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);
    return {
      region,
      month: query.month,
      permits: permits.map((p) => ({ permitClass: p.permit_class, path: p.path, permits: Number(p.n) })),
      decided: decided.length,
      withinDeadline: within,
      overdue: decided.length - within,
      averageProcessingWorkingDays: mean(processing),
      averageDeadlineWorkingDays: mean(decided.map((d) => d.working_days)),
      inspectionsExempted: Number(exempted.n),
      remoteInspectionsDrawn: Number(draws.drawn ?? 0),
      remoteDrawPool: Number(draws.pool ?? 0),
    };
  }
}
