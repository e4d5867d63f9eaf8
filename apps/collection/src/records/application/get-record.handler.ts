import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from '../infrastructure/credit-record-version.entity';
import type { GetRecordQuery, RecordWithHistory } from './get-record.query';
import { RecordErrorCode } from '../domain/record-errors';

@Injectable()
export class GetRecordHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { id }: GetRecordQuery): Promise<RecordWithHistory> {
    assertScope(principal, Scopes.RecordsRead);
    const notFound = DomainError.notFound(RecordErrorCode.NotFound, `No credit record ${id}.`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
    const record = await this.dataSource.getRepository(CreditRecordEntity).findOneBy({ id });
    if (!record) throw notFound;
    // Outside the caller's region reads as absent: existence is not leaked across regions.
    try {
      assertRegionScope(principal, record.region);
    } catch {
      throw notFound;
    }
    const history = await this.dataSource.getRepository(CreditRecordVersionEntity).find({ where: { recordId: id }, order: { version: 'ASC' } });
    return { record, history };
  }
}
