import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@platform/auth';
import { pgErrorCode, runUpdate } from '@platform/database';
import { DomainError, FieldViolation } from '@platform/errors';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { Catalogue } from '../../catalogue/domain/catalogue';
import { validateSubmission, ValidSubmission } from '../../records/domain/record-submission';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { assertMaySubmit } from '../../records/application/submission-policy';
import type { CollectionConfig } from '../../collection.definition';
import { IntakeOutcomesPort } from '../../quality/application/quality.tokens';
import { BatchLine, parseBatchLine, splitBatch } from '../domain/ndjson-batch';

const PG_DEADLOCK_DETECTED = '40P01';

interface ClaimedBatch {
  id: string;
  principal: Principal;
  lines: BatchLine[];
}

interface LineOutcome {
  line: number;
  violations: FieldViolation[];
}

/**
 * Processes stored batches in chunks. Each chunk — its records, versions, events, line errors
 * and the batch cursor — commits in one transaction, so a crash anywhere loses no accepted line
 * and duplicates none: the next claim resumes at the cursor. Batches are claimed with a lease
 * (FOR UPDATE SKIP LOCKED), so replicas share the work and a dead replica's batch is resumed
 * by another once its lease runs out.
 */
@Injectable()
export class BatchProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Batches');
  private readonly loop = new PeriodicWork(() => this.work(), this.logger, { failure: 'batch processing failed' });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
    @Inject(IntakeOutcomesPort) private readonly intakeOutcomes: IntakeOutcomesPort,
    @Inject(SERVICE_CONFIG) private readonly config: CollectionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.BATCH_POLL_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** A batch was stored: process it now rather than at the next poll. */
  nudge(): void {
    void this.loop.nudge();
  }

  private async work(): Promise<void> {
    // Several workers, each on its own batch: while one waits for PostgreSQL, another validates.
    await Promise.all(Array.from({ length: this.config.BATCH_WORKERS }, () => this.drainBatches()));
  }

  private async drainBatches(): Promise<void> {
    for (let batch = await this.claim(); batch && !this.loop.stopping; batch = await this.claim()) {
      while (!this.loop.stopping && !(await this.processChunkRetryingDeadlock(batch)));
    }
  }

  /**
   * Two batches holding the same records, written side by side, can deadlock on the unique keys;
   * PostgreSQL aborts one transaction, which changed nothing, so the chunk is simply tried again.
   */
  private async processChunkRetryingDeadlock(batch: ClaimedBatch): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.processChunk(batch);
      } catch (error) {
        if (pgErrorCode(error) !== PG_DEADLOCK_DETECTED || attempt >= 3) throw error;
        this.logger.warn({ batchId: batch.id, attempt }, 'chunk deadlocked with another batch; retrying');
      }
    }
  }

  private async claim(): Promise<ClaimedBatch | undefined> {
    const {
      rows: [row],
    } = await runUpdate<{ id: string; principal: Principal; body: string }>(
      this.dataSource,
      `UPDATE batches SET status = 'processing', lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM batches WHERE status <> 'completed' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY submitted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, principal, body`,
      [this.config.BATCH_LEASE_SECONDS],
    );
    return row ? { id: row.id, principal: row.principal, lines: splitBatch(row.body) } : undefined;
  }

  /** Processes the next chunk; returns true when the batch is complete. */
  private processChunk(batch: ClaimedBatch): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ next_line: start }] = await manager.query(`SELECT next_line FROM batches WHERE id = $1 FOR UPDATE`, [batch.id]);
      const chunk = batch.lines.slice(start, start + this.config.BATCH_CHUNK_SIZE);
      const { valid, rejected } = this.validate(batch.principal, chunk, this.catalogues.current());
      const written = await this.writer.write(
        manager,
        batch.principal.clientId,
        valid.map((v) => v.submission),
      );
      await this.recordErrors(manager, batch.id, rejected);
      await this.intakeOutcomes.add(manager, batch.principal.clientId, batch.principal.region, 'rejected', rejected.length);
      await this.intakeOutcomes.add(manager, batch.principal.clientId, batch.principal.region, 'duplicate', valid.length - written.length);
      const end = start + chunk.length;
      const done = end >= batch.lines.length;
      await manager.query(
        `UPDATE batches SET next_line = $2, accepted = accepted + $3, rejected = rejected + $4, duplicates = duplicates + $5,
                lease_until = now() + make_interval(secs => $6), status = $7, completed_at = CASE WHEN $7 = 'completed' THEN now() END
          WHERE id = $1`,
        [batch.id, end, written.length, rejected.length, valid.length - written.length, this.config.BATCH_LEASE_SECONDS, done ? 'completed' : 'processing'],
      );
      if (done) this.logger.log({ batchId: batch.id, lines: batch.lines.length }, 'batch completed');
      return done;
    });
  }

  private validate(
    principal: Principal,
    chunk: BatchLine[],
    catalogue: Catalogue,
  ): { valid: { line: number; submission: ValidSubmission }[]; rejected: LineOutcome[] } {
    const valid: { line: number; submission: ValidSubmission }[] = [];
    const rejected: LineOutcome[] = [];
    for (const { line, text } of chunk) {
      const parsed = parseBatchLine(text);
      if (!parsed.ok) {
        rejected.push({ line, violations: parsed.violations });
        continue;
      }
      try {
        const submission = validateSubmission(parsed.raw, catalogue);
        assertMaySubmit(principal, submission);
        valid.push({ line, submission });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rejected.push({
          line,
          violations: error.violations.length > 0 ? [...error.violations] : [{ field: '(line)', message: error.message, code: error.code }],
        });
      }
    }
    return { valid, rejected };
  }

  private async recordErrors(manager: EntityManager, batchId: string, rejected: LineOutcome[]): Promise<void> {
    const rows = rejected.flatMap(({ line, violations }) => violations.map((v, seq) => ({ line, seq, ...v })));
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO batch_line_errors (batch_id, line, seq, field, code, message)
         SELECT $1, line, seq, field, code, message FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t (line, seq, field, code, message)`,
      [batchId, rows.map((r) => r.line), rows.map((r) => r.seq), rows.map((r) => r.field), rows.map((r) => r.code ?? 'INVALID'), rows.map((r) => r.message)],
    );
  }
}
