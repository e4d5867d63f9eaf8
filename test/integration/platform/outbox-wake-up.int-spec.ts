import { Client, Notification } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { EventDefinition } from '@contracts';
import { ensureSchemaAndRole } from '@platform/database';
import { cloneTestDatabase, defineEventFactory, TestDatabase } from '@platform/testing';
import { JetStreamClient } from '@nats-io/jetstream';
import { appendToOutbox, MessagingNamespace, MessagingTables1763700000000, OutboxRelay, outboxChannel, registerLocalRelay } from '@platform/messaging';

class Gadgets1763700000998 implements MigrationInterface {
  name = 'Gadgets1763700000998';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE gadgets (id text PRIMARY KEY)`);
  }
  async down(): Promise<void> {}
}

const SCHEMA = 'wakeuptest';
const GadgetMade: EventDefinition<{ gadget: string }> = { stream: 'CREDIT_RECORDS', subject: 'credit.records.created', version: 1 };
/** A gadget's event, keyed by the gadget. */
const gadgetMade = defineEventFactory(
  GadgetMade,
  (n) => ({ gadget: `g${n}` }),
  (data) => data.gadget,
);
const made = (gadget: string) => gadgetMade.newEvent({ data: { gadget } });

/**
 * The relay's wake-up is sent after the writing transaction commits (a NOTIFY inside it would
 * serialise every writer's commit on PostgreSQL's notification lock): one per committed
 * transaction, none for a rolled-back one, and a savepoint ending does not send it early.
 */
describe('outbox wake-up after commit (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let listener: Client;
  const notifications: Notification[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('wakeup');
    await ensureSchemaAndRole(db.adminUrl, SCHEMA);
    dataSource = await db.dataSource({ schema: SCHEMA, entities: [], migrations: [MessagingTables1763700000000, Gadgets1763700000998] });
    await dataSource.runMigrations();
    listener = new Client({ connectionString: db.urlFor(SCHEMA) });
    await listener.connect();
    listener.on('notification', (n) => notifications.push(n));
    await listener.query(`LISTEN ${outboxChannel(SCHEMA)}`);
  });

  afterAll(async () => {
    await listener.end();
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(() => {
    notifications.length = 0;
  });

  const append = (runner: QueryRunner, gadget: string) => appendToOutbox(runner.manager, SCHEMA, GadgetMade, made(gadget));

  /** A round trip on the listening connection delivers every notification sent before it. */
  const delivered = async () => {
    await listener.query('SELECT 1');
    return notifications.map((n) => n.channel);
  };

  it('notifies once the transaction has committed, and not before', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`INSERT INTO gadgets (id) VALUES ('g1')`);
    await append(runner, 'g1');
    await append(runner, 'g1-again');
    expect(await delivered()).toEqual([]);
    await runner.commitTransaction();
    await runner.release();
    expect(await delivered()).toEqual([outboxChannel(SCHEMA)]);
  });

  it('sends nothing for a rolled-back transaction, even on the next commit of the same connection', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await append(runner, 'ghost');
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await runner.query(`INSERT INTO gadgets (id) VALUES ('no-event')`);
    await runner.commitTransaction();
    await runner.release();
    expect(await delivered()).toEqual([]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'data'->>'gadget' = 'ghost'`)).toEqual([{ n: 0 }]);
  });

  it('waits for the outer commit when the event was written inside a savepoint', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.transaction((inner) => appendToOutbox(inner, SCHEMA, GadgetMade, made('g2')));
      expect(await delivered()).toEqual([]);
    });
    expect(await delivered()).toEqual([outboxChannel(SCHEMA)]);
  });

  it('notifies at once when the event is written outside a transaction (already committed)', async () => {
    await appendToOutbox(dataSource.manager, SCHEMA, GadgetMade, made('g3'));
    expect(await delivered()).toEqual([outboxChannel(SCHEMA)]);
  });

  it('wakes a relay running in the same process directly after commit, without a NOTIFY round trip', async () => {
    const wakes: string[] = [];
    registerLocalRelay(SCHEMA, () => wakes.push('woken'));
    try {
      await dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, SCHEMA, GadgetMade, made('g4'));
        expect(wakes).toEqual([]);
      });
      expect(wakes).toEqual(['woken']);
      expect(await delivered()).toEqual([]);
    } finally {
      registerLocalRelay(SCHEMA, undefined);
    }
  });

  it('relay: a batch whose publish fails stays unpublished and goes out whole on the next drain, in seq order', async () => {
    await dataSource.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    for (const gadget of ['r1', 'r2', 'r3']) await appendToOutbox(dataSource.manager, SCHEMA, GadgetMade, made(gadget));
    // JetStream stand-in (this suite has no NATS): the first publish fails, later ones are recorded.
    const published: string[] = [];
    let failNext = true;
    const js = {
      publish: async (_subject: string, data: string) => {
        if (failNext) {
          failNext = false;
          throw new Error('JetStream unavailable');
        }
        published.push(JSON.parse(data).data.gadget);
      },
    } as unknown as JetStreamClient;
    const relay = new OutboxRelay(js, new MessagingNamespace(''), { schema: SCHEMA, databaseUrl: db.urlFor(SCHEMA), pollIntervalMs: 60_000 });
    await expect(relay.drain()).rejects.toThrow('JetStream unavailable');
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 3 }]);
    expect(await relay.drain()).toBe(3);
    expect(published.slice(-3)).toEqual(['r1', 'r2', 'r3']);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 0 }]);
  });
});
