import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { assertSameRequest, requestHash } from '@platform/database';
import { splitBatch } from '../domain/ndjson-batch';
import { BatchProcessor } from './batch-processor';
import type { SubmitBatchCommand, SubmitBatchResult } from './submit-batch.command';

/** The operation an Idempotency-Key on a batch answers. */
export const SUBMIT_BATCH_OPERATION = 'batches.submit';

/**
 * Accepts an NDJSON batch: refuses it whole if empty or over 10,000 lines, otherwise stores the
 * body durably (the 202 means "we have it") and wakes the processor. A retry with the same
 * Idempotency-Key and body returns the first batch; the key with another body is refused (422).
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
    const hash = key ? requestHash(SUBMIT_BATCH_OPERATION, body) : null;
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO batches (id, client_id, principal, line_count, body, idempotency_key, idempotency_request_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT batches_idempotency_unique DO NOTHING RETURNING id`,
      [id, principal.clientId, JSON.stringify(principal), lines.length, body, key, hash],
    );
    if (inserted.length === 0) {
      const [earlier] = await this.dataSource.query(
        `SELECT id, line_count, idempotency_request_hash FROM batches WHERE client_id = $1 AND idempotency_key = $2`,
        [principal.clientId, key],
      );
      // The same key must carry the same body (platform rule); a batch stored before hashes were kept replays as before.
      if (earlier.idempotency_request_hash && hash) {
        assertSameRequest(
          { operation: SUBMIT_BATCH_OPERATION, requestHash: earlier.idempotency_request_hash },
          { operation: SUBMIT_BATCH_OPERATION, requestHash: hash },
        );
      }
      return { batchId: earlier.id, lineCount: earlier.line_count, replayed: true };
    }
    this.processor.nudge();
    return { batchId: id, lineCount: lines.length, replayed: false };
  }
}
