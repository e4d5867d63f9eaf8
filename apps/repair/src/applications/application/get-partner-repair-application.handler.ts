import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { isUuid } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';

/**
 * A partner province reads an application it forwarded to us (scope exchange:read, ADR 0084): the
 * state and our decision. Only its own: another's, or one filed here, is 404 like an unknown id.
 */
@Injectable()
export class GetPartnerRepairApplicationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, applicationId: string): Promise<RepairApplicationView> {
    assertScope(principal, Scopes.ExchangeRead);
    const row = isUuid(applicationId) ? await RepairApplicationsRepository.find(this.dataSource.manager, applicationId.toLowerCase()) : undefined;
    if (!row || row.originPartner !== principal.region) {
      throw DomainError.notFound(RepairApplicationErrorCode.NotFound, `No repair application ${applicationId} forwarded by ${principal.region}.`);
    }
    return repairApplicationView(row, chinaDateOf(new Date()));
  }
}
