import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { RecognitionErrorCode } from '../domain/recognition-errors';
import type { GetRecognitionTableQuery } from './get-recognition-table.query';
import type { RecognitionTableVersion } from './recognition-table-versions';
import { RecognitionTables } from './recognition-tables';

/** One version of a recognition table, for admin clients. */
@Injectable()
export class GetRecognitionTableHandler {
  constructor(private readonly tables: RecognitionTables) {}

  async execute(principal: Principal, { tableId, version }: GetRecognitionTableQuery): Promise<RecognitionTableVersion> {
    assertScope(principal, Scopes.Admin);
    if (version === 0) {
      const current = (await this.tables.inForce()).find((t) => t.tableId === tableId);
      if (!current) throw DomainError.notFound(RecognitionErrorCode.TableNotFound, `No recognition table ${tableId}.`);
      return current;
    }
    const stored = await this.tables.version(tableId, version);
    if (!stored) throw DomainError.notFound(RecognitionErrorCode.VersionNotFound, `Recognition table ${tableId} has no version ${version}.`);
    return stored;
  }
}
