import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, Scopes, assertScope } from '@platform/auth';
import { DomainError } from '@platform/errors';
import type { BatchStatus, GetBatchQuery } from './get-batch.query';
import { BatchErrorCode } from '../domain/batch-errors';

/** A batch's progress and every rejected line; only the client that sent it may read it. */
@Injectable()
export class GetBatchHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, { batchId }: GetBatchQuery): Promise<BatchStatus> {
    assertScope(principal, Scopes.RecordsWrite);
    const notFound = DomainError.notFound(BatchErrorCode.NotFound, `No batch ${batchId}.`);
    if (!/^[0-9a-f-]{36}$/i.test(batchId)) throw notFound;
    const [batch] = await this.dataSource.query(
      `SELECT id, client_id, status, line_count, next_line, accepted, rejected, duplicates, submitted_at, completed_at FROM batches WHERE id = $1`,
      [batchId],
    );
    if (!batch || (batch.client_id !== principal.clientId && !principal.scopes.includes(Scopes.Admin))) throw notFound;
    const errors = await this.dataSource.query(`SELECT line, field, code, message FROM batch_line_errors WHERE batch_id = $1 ORDER BY line, seq`, [batchId]);
    return {
      batchId: batch.id,
      status: batch.status,
      lineCount: batch.line_count,
      processed: batch.next_line,
      accepted: batch.accepted,
      rejected: batch.rejected,
      duplicates: batch.duplicates,
      errors,
      submittedAt: batch.submitted_at.toISOString(),
      completedAt: batch.completed_at?.toISOString() ?? '',
    };
  }
}
