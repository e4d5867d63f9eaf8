import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import type { RepairApplicationStatus } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { ListRepairApplicationsQuery } from './list-repair-applications.query';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';

const STATUSES: readonly string[] = ['pending', 'forwarded', 'approved', 'rejected', 'revoked'];

/**
 * The deciding unit's queue: applications whose record's authority region the caller's covers (at
 * most 1000, oldest due first), overdue marked; and the caller's own applications routed to a
 * partner province (status `forwarded` until its answer comes back, `forwardedTo` says where).
 */
@Injectable()
export class ListRepairApplicationsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListRepairApplicationsQuery): Promise<RepairApplicationView[]> {
    assertScope(principal, Scopes.RecordsWrite);
    if (query.status !== '' && !STATUSES.includes(query.status)) {
      throw DomainError.validation(RepairApplicationErrorCode.Invalid, [
        { field: 'status', message: `must be one of ${STATUSES.join(', ')}`, code: 'INVALID' },
      ]);
    }
    const rows = await RepairApplicationsRepository.list(
      this.dataSource.manager,
      regionPatternOf(principal),
      principal.clientId,
      (query.status || null) as RepairApplicationStatus | null,
    );
    const today = chinaDateOf(new Date());
    return rows
      .filter((row) => isWithinRegion(principal, row.decidingRegion) || (row.forwardedTo !== null && row.appliedBy === principal.clientId))
      .map((row) => repairApplicationView(row, today));
  }
}

/** `LIKE` pattern of the caller's region and everything below it ("41%" for a province, "4101%" for a city). */
function regionPatternOf(principal: Principal): string {
  const code = parseRegionCode(principal.region);
  if (!code.ok) throw new DomainError(PlatformErrorCode.RegionForbidden, 'forbidden', `${principal.region} is not a GB/T 2260 region code.`);
  return `${regionPrefix(code.value)}%`;
}
