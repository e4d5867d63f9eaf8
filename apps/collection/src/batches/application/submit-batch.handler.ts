import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { splitBatch } from '../domain/ndjson-batch';
import { BatchProcessor } from './batch-processor';
import type { SubmitBatchCommand, SubmitBatchResult } from './submit-batch.command';

/**
 * Accepts an NDJSON batch: refuses it whole if empty or over 10,000 lines, otherwise stores the
 * body durably (the 202 means "we have it") and wakes the processor. A retry with the same
 * Idempotency-Key returns the first batch.
 */
@Injectable()
export class SubmitBatchHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: BatchProcessor,
  ) {}

  async execute(principal: Principal, { ndjson: body, idempotencyKey }: SubmitBatchCommand): Promise<SubmitBatchResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const lines = splitBatch(body);
    const key = idempotencyKey.trim() || null;
    const id = uuidv7();
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO batches (id, client_id, principal, line_count, body, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT batches_idempotency_unique DO NOTHING RETURNING id`,
      [id, principal.clientId, JSON.stringify(principal), lines.length, body, key],
    );
    if (inserted.length === 0) {
      const [earlier] = await this.dataSource.query(`SELECT id, line_count FROM batches WHERE client_id = $1 AND idempotency_key = $2`, [principal.clientId, key]);
      return { batchId: earlier.id, lineCount: earlier.line_count, replayed: true };
    }
    this.processor.nudge();
    return { batchId: id, lineCount: lines.length, replayed: false };
  }
}
