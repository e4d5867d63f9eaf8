import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { inRegionScope, isUuid } from '../../records/application/record-access';
import { ObjectionEntity } from '../infrastructure/objection.entity';
import type { GetObjectionQuery, GetObjectionResult } from './get-objection.query';
import { toObjectionView } from './objection-view';
import { ObjectionErrorCode } from '../domain/objection-errors';

@Injectable()
export class GetObjectionHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { objectionId: id }: GetObjectionQuery): Promise<GetObjectionResult> {
    assertScope(principal, Scopes.RecordsRead);
    const objection = isUuid(id) ? await this.dataSource.getRepository(ObjectionEntity).findOneBy({ id }) : null;
    if (!objection || !inRegionScope(principal, objection.region)) throw DomainError.notFound(ObjectionErrorCode.NotFound, `No objection ${id}.`);
    return { objection: toObjectionView(objection) };
  }
}
