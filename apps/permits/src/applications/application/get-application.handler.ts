import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isWithinRegion, Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ApplicationErrorCode } from '../domain/application-errors';
import { findPermitApplication } from '../infrastructure/permit-applications.repository';
import type { GetApplicationQuery } from './get-application.query';
import type { PermitApplicationView } from './permit-application.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An application with every province's approval, for a client whose region covers the accepting authority's. */
@Injectable()
export class GetApplicationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: GetApplicationQuery): Promise<PermitApplicationView> {
    const found = UUID.test(query.id) ? await findPermitApplication(this.dataSource.manager, query.id) : undefined;
    if (!found || !isWithinRegion(principal, found.region)) {
      throw DomainError.notFound(ApplicationErrorCode.NotFound, `No permit application ${query.id} visible to this client.`);
    }
    return found;
  }
}
