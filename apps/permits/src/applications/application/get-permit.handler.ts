import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isWithinRegion, Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ApplicationErrorCode } from '../domain/application-errors';
import { findPermit } from '../infrastructure/permits.repository';
import type { GetPermitQuery } from './get-permit.query';
import type { PermitView } from './permit.view';

/** A permit for officers of a region that covers the issuing one, or of a province on its route. */
@Injectable()
export class GetPermitHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: GetPermitQuery): Promise<PermitView> {
    const permit = await findPermit(this.dataSource.manager, query.permitNo);
    if (!permit || !(isWithinRegion(principal, permit.region) || permit.route.provinces.some((p) => isWithinRegion(principal, p)))) {
      throw DomainError.notFound(ApplicationErrorCode.PermitNotFound, `No permit ${query.permitNo} visible to this client.`);
    }
    return permit;
  }
}
