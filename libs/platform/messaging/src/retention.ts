import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { messagingRowsPruned } from '@platform/telemetry';
import { DEFAULT_ACK_WAIT_MS, DEFAULT_MAX_DELIVER, MAX_NAK_DELAY_MS } from './inbox-consumer';
import { DUPLICATE_WINDOW_MS } from './streams';

/**
 * The longest a consumer can go on receiving one event, from its first delivery to its last: every
 * attempt may time out (`ack_wait`) and then wait the longest back-off before the next one
 * (inbox-consumer `fail`). An inbox row must outlive this, or a late redelivery is applied twice.
 */
export function longestRedeliveryMs(spec: { maxDeliver?: number; ackWaitMs?: number }): number {
  return (spec.maxDeliver ?? DEFAULT_MAX_DELIVER) * ((spec.ackWaitMs ?? DEFAULT_ACK_WAIT_MS) + MAX_NAK_DELAY_MS);
}

/**
 * Why a retention is too short (undefined: it is long enough). A pruned outbox row can no longer
 * be re-published, and a pruned inbox row no longer recognises a duplicate: both must outlive
 * JetStream's duplicate window (a re-publish inside it is dropped by the server, beyond it only
 * the inbox catches it) and the longest redelivery of every consumer (ADR 0072).
 */
export function retentionProblem(
  retentionMs: number,
  consumers: readonly { durable?: string; maxDeliver?: number; ackWaitMs?: number }[] = [],
): string | undefined {
  if (retentionMs <= DUPLICATE_WINDOW_MS) return `must exceed the JetStream duplicate window (${DUPLICATE_WINDOW_MS} ms)`;
  for (const consumer of [{ durable: 'default consumer' }, ...consumers]) {
    const longest = longestRedeliveryMs(consumer);
    if (retentionMs <= longest) return `must exceed the longest redelivery of ${consumer.durable ?? 'a consumer'} (${longest} ms)`;
  }
  return undefined;
}

export interface MessagingPrunerOptions {
  /** Rows older than this (outbox: since published; inbox: since processed) are deleted. */
  retentionMs: number;
  /** Rows deleted per statement: each statement is its own short transaction. */
  batchSize: number;
}

export interface PruneResult {
  outbox: number;
  inbox: number;
}

/**
 * Deletes published outbox rows and processed inbox rows older than the retention, in batches of
 * `batchSize`, each an autocommitted statement, so writers never wait on a long transaction.
 * Rows being deleted are locked `SKIP LOCKED`: replicas pruning side by side split the work.
 *
 * The outbox is walked from its oldest `seq` (primary key) and stops at the first batch holding a
 * row created inside the retention: `seq` follows creation order, so no index is added to the
 * write path. An old row still unpublished is stepped over (the relay owns it). The inbox is
 * walked by its `processed_at` index (consumers insert event ids in no time order).
 */
export class MessagingPruner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: MessagingPrunerOptions,
  ) {}

  async prune(shouldStop: () => boolean = () => false): Promise<PruneResult> {
    const outbox = await this.pruneOutbox(shouldStop);
    const inbox = await this.pruneInbox(shouldStop);
    return { outbox, inbox };
  }

  private async pruneOutbox(shouldStop: () => boolean): Promise<number> {
    let total = 0;
    let after = '0';
    while (!shouldStop()) {
      const [step] = (await this.dataSource.query(
        `WITH head AS (
           SELECT seq, created_at, published_at FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2
         ), doomed AS (
           SELECT o.seq FROM outbox o JOIN head h ON o.seq = h.seq
           WHERE h.published_at < now() - $3 * interval '1 millisecond' FOR UPDATE OF o SKIP LOCKED
         ), gone AS (
           DELETE FROM outbox WHERE seq IN (SELECT seq FROM doomed) RETURNING seq
         )
         SELECT (SELECT count(*) FROM gone)::int AS pruned,
                (SELECT count(*) FROM head)::int AS seen,
                (SELECT max(seq) FROM head)::text AS last,
                coalesce((SELECT bool_and(created_at < now() - $3 * interval '1 millisecond') FROM head), false) AS all_old`,
        [after, this.options.batchSize, this.options.retentionMs],
      )) as { pruned: number; seen: number; last: string | null; all_old: boolean }[];
      total += step.pruned;
      messagingRowsPruned.inc({ table: 'outbox' }, step.pruned);
      if (step.seen < this.options.batchSize || !step.all_old || step.last === null) return total;
      after = step.last;
    }
    return total;
  }

  private async pruneInbox(shouldStop: () => boolean): Promise<number> {
    let total = 0;
    while (!shouldStop()) {
      const [step] = (await this.dataSource.query(
        `WITH doomed AS (
           SELECT ctid FROM inbox WHERE processed_at < now() - $1 * interval '1 millisecond'
           ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ), gone AS (
           DELETE FROM inbox WHERE ctid = ANY (ARRAY(SELECT ctid FROM doomed)) RETURNING 1
         )
         SELECT count(*)::int AS pruned FROM gone`,
        [this.options.retentionMs, this.options.batchSize],
      )) as { pruned: number }[];
      total += step.pruned;
      messagingRowsPruned.inc({ table: 'inbox' }, step.pruned);
      if (step.pruned < this.options.batchSize) return total;
    }
    return total;
  }
}

/**
 * The index the inbox pruner walks (outbox pruning needs none). Each service lists it after
 * MessagingTables1763700000000.
 */
export class MessagingRetention1763700006500 implements MigrationInterface {
  name = 'MessagingRetention1763700006500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX IF NOT EXISTS inbox_processed_at ON inbox (processed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS inbox_processed_at`);
  }
}
