import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { REPAIR_CALENDAR } from '../../applications/application/repair.tokens';
import { RepairApplicationErrorCode } from '../../applications/domain/repair-application-errors';
import { repairFigures, type ApplicationDates, type UnitRepairFigures } from '../domain/repair-figures';

export interface GetRepairFiguresQuery {
  /** GB/T 2260 code within the caller's region; empty: the caller's region. */
  region: string;
  /** YYYY-MM (China time). */
  month: string;
}

export interface RepairFiguresReport {
  region: string;
  month: string;
  units: UnitRepairFigures[];
}

/**
 * Monthly repair figures per deciding unit (issue 19 item 10), for a region within the caller's
 * (scope records:read): applications filed, approved, rejected, overdue, median working days to
 * decision. Applications routed to a partner province are its units' to decide and count there
 * (ADR 0084), not here. 400 REPAIR.INVALID for a malformed month; 403 for a region outside the caller's.
 */
@Injectable()
export class GetRepairFiguresHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REPAIR_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, query: GetRepairFiguresQuery): Promise<RepairFiguresReport> {
    assertScope(principal, Scopes.RecordsRead);
    const region = query.region || principal.region;
    assertRegionScope(principal, region);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) {
      throw DomainError.validation(RepairApplicationErrorCode.Invalid, [{ field: 'month', message: 'must be YYYY-MM', code: 'INVALID' }]);
    }
    const code = parseRegionCode(region);
    const pattern = code.ok ? `${regionPrefix(code.value)}%` : region;
    const from = `${query.month}-01`;
    // Everything that may count in the month: filed, decided or due in it (China dates).
    const rows: ApplicationDates[] = await this.dataSource.query(
      `SELECT deciding_region AS "decidingRegion", status,
              to_char(applied_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "appliedOn",
              to_char(decision_due_on, 'YYYY-MM-DD') AS "decisionDueOn",
              to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "decidedOn"
         FROM repair_applications
        WHERE deciding_region LIKE $1 AND forwarded_to IS NULL AND (
              (applied_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND ($2::date + interval '1 month' - interval '1 day')::date
           OR (decided_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND ($2::date + interval '1 month' - interval '1 day')::date
           OR decision_due_on BETWEEN $2::date AND ($2::date + interval '1 month' - interval '1 day')::date)`,
      [pattern, from],
    );
    return { region, month: query.month, units: repairFigures(rows, query.month, chinaDateOf(new Date()), this.calendar) };
  }
}
