import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { EventDefinition, EventEnvelope } from '@contracts';
import { ensureSchemaAndRole } from '@platform/database';
import { cloneTestDatabase, eventually as poll, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import { eventsConsumed, messagingRowsPruned } from '@platform/telemetry';
import {
  appendManyToOutbox,
  InboxConsumer,
  MessagingPruner,
  MessagingRetention1763700006500,
  MessagingTables1763700000000,
  OutboxRelay,
} from '@platform/messaging';

class Applied1763700006999 implements MigrationInterface {
  name = 'Applied1763700006999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE applied (event_id uuid NOT NULL, n int NOT NULL)`);
  }
  async down(): Promise<void> {}
}

const SCHEMA = 'retentiontest';
const Tick: EventDefinition<{ n: number }> = { stream: 'CREDIT_RECORDS', subject: 'credit.records.created', version: 1 };
const DURABLE = 'retention-ticks';
const HOUR_MS = 3600_000;
/**
 * The run's clock: after each cycle every row is made one hour older. With a retention of 2.5
 * hours, the rows of the cycle in hand and the two before it (ages 0, 1 h, 2 h) are kept and a
 * cycle's rows go at its fourth prune (age 3 h > 2.5 h): ADR 0072.
 */
const RETENTION_MS = 2.5 * HOUR_MS;
const KEPT_CYCLES = 3;

describe('outbox and inbox pruning (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let messaging: TestMessaging;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let consumer: InboxConsumer;
  // Small batches, so one pass takes several delete statements.
  let pruner: MessagingPruner;

  beforeAll(async () => {
    db = await cloneTestDatabase('retention');
    await ensureSchemaAndRole(db.adminUrl, SCHEMA);
    dataSource = await db.dataSource({
      schema: SCHEMA,
      entities: [],
      migrations: [MessagingTables1763700000000, MessagingRetention1763700006500, Applied1763700006999],
    });
    await dataSource.runMigrations();
    messaging = await isolatedMessaging();
    relay = new OutboxRelay(messaging.js, messaging.ns, { schema: SCHEMA, databaseUrl: db.urlFor(SCHEMA), pollIntervalMs: 100 });
    await relay.start();
    consumer = new InboxConsumer(
      dataSource,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable: DURABLE, filterSubject: Tick.subject, ackWaitMs: 5000 },
      async (event, manager) => {
        await manager.query(`INSERT INTO applied (event_id, n) VALUES ($1, $2)`, [event.id, (event.data as { n: number }).n]);
      },
    );
    await consumer.start();
    pruner = new MessagingPruner(dataSource, { retentionMs: RETENTION_MS, batchSize: 70 });
  });

  afterAll(async () => {
    await consumer.stop();
    await relay.stop();
    await messaging.cleanup();
    await db.drop();
  });

  const count = async (table: 'outbox' | 'inbox' | 'applied'): Promise<number> => (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const emit = (from: number, k: number): Promise<EventEnvelope<{ n: number }>[]> =>
    dataSource.transaction((manager) =>
      appendManyToOutbox(
        manager,
        SCHEMA,
        Tick,
        Array.from({ length: k }, (_, i) => ({ subjectId: `s${from + i}`, region: '410100', data: { n: from + i } })),
      ),
    );

  /** Waits until every event written so far is published and applied. */
  const settle = async (applied: number): Promise<void> => {
    await poll(
      () => count('applied'),
      (n) => n >= applied,
      20_000,
      50,
    );
    await poll(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n,
      (n) => n === 0,
      20_000,
      50,
    );
  };

  const ageEverything = (ms: number) =>
    dataSource.query(
      `WITH o AS (UPDATE outbox SET created_at = created_at - $1 * interval '1 millisecond', published_at = published_at - $1 * interval '1 millisecond')
       UPDATE inbox SET processed_at = processed_at - $1 * interval '1 millisecond'`,
      [ms],
    );

  const outcome = async (name: string): Promise<number> =>
    (await eventsConsumed.get()).values.find((v) => v.labels.consumer === DURABLE && v.labels.outcome === name)?.value ?? 0;

  const prunedMetric = async (table: string): Promise<number> => (await messagingRowsPruned.get()).values.find((v) => v.labels.table === table)?.value ?? 0;

  it('keeps both tables at the rows of the retention under a sustained run, pruning in batches and counting what it pruned', async () => {
    const k = 200;
    const cycles = 6;
    const before = { outbox: await prunedMetric('outbox'), inbox: await prunedMetric('inbox') };
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await emit((cycle - 1) * k, k);
      await settle(cycle * k);
      const pruned = await pruner.prune();
      // A cycle's rows go at its fourth prune: from cycle 4 on, each prune removes exactly one cycle's rows.
      const expectedPruned = cycle > KEPT_CYCLES ? k : 0;
      expect(pruned).toEqual({ outbox: expectedPruned, inbox: expectedPruned });
      const kept = Math.min(cycle, KEPT_CYCLES) * k;
      expect({ outbox: await count('outbox'), inbox: await count('inbox') }).toEqual({ outbox: kept, inbox: kept });
      await ageEverything(HOUR_MS);
    }
    // Every event was applied once: pruning removed bookkeeping, never an effect.
    expect(await count('applied')).toBe(cycles * k);
    const removed = (cycles - KEPT_CYCLES) * k;
    expect({ outbox: (await prunedMetric('outbox')) - before.outbox, inbox: (await prunedMetric('inbox')) - before.inbox }).toEqual({
      outbox: removed,
      inbox: removed,
    });
  });

  it('still recognises a redelivery inside the retention as a duplicate, and only a pruned one is applied again', async () => {
    await dataSource.query(`TRUNCATE outbox, inbox, applied`);
    const [event] = await emit(10_000, 1);
    await settle(1);
    // Two hours later (inside the 2.5 h retention) the pruner runs and the event is delivered again,
    // as a relay re-publish past JetStream's duplicate window would (a new Nats-Msg-Id).
    await ageEverything(2 * HOUR_MS);
    expect(await pruner.prune()).toEqual({ outbox: 0, inbox: 0 });
    const duplicates = await outcome('duplicate');
    await messaging.js.publish(messaging.ns.subject(Tick.subject), JSON.stringify(event), { msgID: `${event.id}-again` });
    await poll(
      () => outcome('duplicate'),
      (n) => n === duplicates + 1,
      10_000,
      50,
    );
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM applied WHERE event_id = $1`, [event.id])).toEqual([{ n: 1 }]);

    // One more hour (3 h > 2.5 h): the rows are pruned, and the same delivery is no longer recognised.
    await ageEverything(HOUR_MS);
    expect(await pruner.prune()).toEqual({ outbox: 1, inbox: 1 });
    await messaging.js.publish(messaging.ns.subject(Tick.subject), JSON.stringify(event), { msgID: `${event.id}-late` });
    await poll(
      () => count('applied'),
      (n) => n === 2,
      10_000,
      50,
    );
  });

  it('leaves an old row the relay has not published yet', async () => {
    await dataSource.query(`TRUNCATE outbox, inbox, applied`);
    // A row written three hours ago that never got published (the relay owns it, not the pruner).
    await relay.stop();
    await emit(20_000, 1);
    await ageEverything(3 * HOUR_MS);
    expect(await pruner.prune()).toEqual({ outbox: 0, inbox: 0 });
    expect(await count('outbox')).toBe(1);
  });
});
