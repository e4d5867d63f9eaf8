import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { EventDefinition, EventEnvelope } from '@contracts';
import { ensureSchemaAndRole } from '@platform/database';
import { cloneTestDatabase, defineEventFactory, eventually as poll, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import {
  appendManyToOutbox,
  appendToOutbox,
  InboxConsumer,
  MessagingTables1763700000000,
  OutboxRelay,
  PoisonMessageError,
  writeWithOutbox,
} from '@platform/messaging';
import { consumerPending, outboxPublishLag } from '@platform/telemetry';

class Tallies1763700000999 implements MigrationInterface {
  name = 'Tallies1763700000999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE tallies (name text PRIMARY KEY, count int NOT NULL)`);
    await runner.query(`CREATE TABLE widgets (id text PRIMARY KEY)`);
  }
  async down(): Promise<void> {}
}

const SCHEMA = 'msgtest';
const WidgetMade: EventDefinition<{ widget: string }> = { stream: 'CREDIT_RECORDS', subject: 'credit.records.created', version: 1 };
/** A widget's event, keyed by the widget. */
const widgetMade = defineEventFactory(
  WidgetMade,
  (n) => ({ widget: `w${n}` }),
  (data) => data.widget,
);
const made = (widget: string) => widgetMade.newEvent({ data: { widget } });

describe('outbox relay and inbox consumer (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let messaging: TestMessaging;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    db = await cloneTestDatabase('messaging');
    await ensureSchemaAndRole(db.adminUrl, SCHEMA);
    dataSource = await db.dataSource({ schema: SCHEMA, entities: [], migrations: [MessagingTables1763700000000, Tallies1763700000999] });
    await dataSource.runMigrations();
    messaging = await isolatedMessaging();
    relay = new OutboxRelay(messaging.js, messaging.ns, { schema: SCHEMA, databaseUrl: db.urlFor(SCHEMA), pollIntervalMs: 100 });
    await relay.start();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await relay.stop();
    await messaging.cleanup();
    await db.drop();
  });

  const makeWidget = (widget: string, fail = false) =>
    dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO widgets (id) VALUES ($1)`, [widget]);
      const event = await appendToOutbox(manager, SCHEMA, WidgetMade, made(widget));
      if (fail) throw new Error('rolled back after writing');
      return event;
    });

  function startConsumer(durable: string, handler: (event: EventEnvelope) => Promise<void> | void, maxDeliver = 3): Promise<void> {
    const consumer = new InboxConsumer(
      dataSource,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable, filterSubject: WidgetMade.subject, maxDeliver, ackWaitMs: 2000 },
      async (event, manager) => {
        await handler(event);
        await manager.query(`INSERT INTO tallies (name, count) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET count = tallies.count + 1`, [
          `${durable}:${(event.data as { widget: string }).widget}`,
        ]);
      },
    );
    consumers.push(consumer);
    return consumer.start();
  }

  const tally = async (key: string): Promise<number> => (await dataSource.query(`SELECT count FROM tallies WHERE name = $1`, [key]))[0]?.count ?? 0;

  const eventually = <T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => poll(probe, accept, timeoutMs, 50);

  it('publishes a committed event with Nats-Msg-Id = event id, and never a rolled-back one', async () => {
    await expect(makeWidget('ghost', true)).rejects.toThrow('rolled back');
    const event = await makeWidget('w1');
    const published = await eventually(
      () => dataSource.query(`SELECT published_at FROM outbox WHERE id = $1`, [event.id]),
      (rows) => rows[0]?.published_at !== null,
    );
    expect(published[0].published_at).not.toBeNull();
    const stored = await messaging.jsm.streams.getMessage(messaging.ns.stream('CREDIT_RECORDS'), { last_by_subj: messaging.ns.subject(WidgetMade.subject) });
    expect(stored?.header?.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored?.json<EventEnvelope>()).toMatchObject({ id: event.id, type: 'credit.records.created', data: { widget: 'w1' } });
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'data'->>'widget' = 'ghost'`)).toEqual([{ n: 0 }]);
  });

  it('applies an event once even when JetStream delivers it twice', async () => {
    await startConsumer('once', () => undefined);
    const event = await makeWidget('w2');
    await eventually(
      () => tally('once:w2'),
      (n) => n === 1,
    );
    // Re-publish the same envelope with a different msg id, bypassing the duplicate window,
    // as a relay crash between publish and commit would.
    await messaging.js.publish(messaging.ns.subject(WidgetMade.subject), JSON.stringify(event), { msgID: `${event.id}-again` });
    const inbox = await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'once'`),
      () => false,
      1500,
    );
    expect(inbox).toEqual([{ n: 2 }]); // w1 and w2, each once
    expect(await tally('once:w2')).toBe(1);
  });

  it('writes a single-statement change and its event in one statement: both are published, or neither is stored', async () => {
    const write = (id: string) => ({ sql: `INSERT INTO widgets (id) VALUES ($1)`, params: [id] });
    const [event] = await writeWithOutbox(dataSource, SCHEMA, write('one-statement'), WidgetMade, [made('one-statement')]);
    const published = await eventually(
      () => dataSource.query(`SELECT published_at FROM outbox WHERE id = $1`, [event.id]),
      (rows) => rows[0]?.published_at !== null,
    );
    expect(published[0].published_at).not.toBeNull();
    // The same widget again violates the primary key: the event must not be stored either.
    await expect(writeWithOutbox(dataSource, SCHEMA, write('one-statement'), WidgetMade, [made('again')])).rejects.toThrow(/duplicate key/);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'data'->>'widget' = 'again'`)).toEqual([{ n: 0 }]);
  });

  it('commits asynchronously when asked, with the same all-or-nothing guarantee and nothing left set on the connection', async () => {
    const write = (id: string) => ({ sql: `INSERT INTO widgets (id) VALUES ($1)`, params: [id] });
    const [event] = await writeWithOutbox(dataSource, SCHEMA, write('async-commit'), WidgetMade, [made('async-commit')], { asynchronousCommit: true });
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM widgets WHERE id = 'async-commit'`)).toEqual([{ n: 1 }]);
    await eventually(
      () => dataSource.query(`SELECT published_at FROM outbox WHERE id = $1`, [event.id]),
      (rows) => rows[0]?.published_at !== null,
    );
    // The setting lasted only for that statement's transaction (the pool hands back the same idle connection first).
    expect(await dataSource.query(`SHOW synchronous_commit`)).toEqual([{ synchronous_commit: 'on' }]);
    await expect(writeWithOutbox(dataSource, SCHEMA, write('async-commit'), WidgetMade, [made('async-again')], { asynchronousCommit: true })).rejects.toThrow(
      /duplicate key/,
    );
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->'data'->>'widget' = 'async-again'`)).toEqual([{ n: 0 }]);
    await expect(writeWithOutbox(dataSource, SCHEMA, write('no-event'), WidgetMade, [], { asynchronousCommit: true })).rejects.toThrow(/at least one event/);
  });

  it('retries a failing handler and then succeeds without a double effect', async () => {
    let calls = 0;
    await startConsumer('flaky', (event) => {
      if ((event.data as { widget: string }).widget === 'w3' && ++calls < 2) throw new Error('database hiccup');
    });
    await makeWidget('w3');
    expect(
      await eventually(
        () => tally('flaky:w3'),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(calls).toBe(2);
  });

  it('sends a poison message to the dead-letter subject with the reason, and moves on', async () => {
    const deadLetters = messaging.nc.subscribe(messaging.ns.deadLetterSubject('picky'));
    await startConsumer('picky', (event) => {
      if ((event.data as { widget: string }).widget === 'w4') throw new PoisonMessageError('widget w4 is malformed');
    });
    await makeWidget('w4');
    await makeWidget('w5');
    const iterator = deadLetters[Symbol.asyncIterator]();
    const letter = await Promise.race([iterator.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no dead letter')), 10_000))]);
    expect(letter.value.headers?.get('Dead-Letter-Reason')).toContain('widget w4 is malformed');
    expect(letter.value.json().data).toEqual({ widget: 'w4' });
    expect(
      await eventually(
        () => tally('picky:w5'),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(await tally('picky:w4')).toBe(0);
    deadLetters.unsubscribe();
  });

  it('applies a backlog in batches (fewer transactions than events), each event once and in stream order', async () => {
    const widgets = Array.from({ length: 40 }, (_, i) => `b${String(i).padStart(2, '0')}`);
    for (const widget of widgets) await makeWidget(widget);
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0].n === 0,
    );
    const applied: { widget: string; tx: string }[] = [];
    const consumer = new InboxConsumer(
      dataSource,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable: 'backlog', filterSubject: WidgetMade.subject },
      async (event, manager) => {
        const [{ tx }] = await manager.query(`SELECT txid_current()::text AS tx`);
        applied.push({ widget: (event.data as { widget: string }).widget, tx });
      },
    );
    consumers.push(consumer);
    await consumer.start();
    await eventually(
      async () => applied.filter((a) => a.widget.startsWith('b')).length,
      (n) => n === widgets.length,
    );
    const backlog = applied.filter((a) => a.widget.startsWith('b'));
    expect(backlog.map((a) => a.widget)).toEqual(widgets);
    expect(new Set(backlog.map((a) => a.tx)).size).toBeLessThan(widgets.length);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'backlog'`)).toEqual([{ n: applied.length }]);
  });

  it('rolls a failed batch back and applies its events one by one: the good ones land once, the poison one is dead-lettered', async () => {
    const deadLetters = messaging.nc.subscribe(messaging.ns.deadLetterSubject('sorting'));
    const widgets = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    for (const widget of widgets) await makeWidget(widget);
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0].n === 0,
    );
    await startConsumer('sorting', (event) => {
      if ((event.data as { widget: string }).widget === 's05') throw new PoisonMessageError('widget s05 is malformed');
    });
    const iterator = deadLetters[Symbol.asyncIterator]();
    const letter = await Promise.race([iterator.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no dead letter')), 10_000))]);
    expect(letter.value.json().data).toEqual({ widget: 's05' });
    for (const widget of widgets.filter((w) => w !== 's05'))
      expect(
        await eventually(
          () => tally(`sorting:${widget}`),
          (n) => n === 1,
        ),
      ).toBe(1);
    expect(await tally('sorting:s05')).toBe(0);
    deadLetters.unsubscribe();
  });

  it('hands a backlog to the batch handler as whole batches in stream order; a failing batch falls back to the single-event handler', async () => {
    const widgets = Array.from({ length: 30 }, (_, i) => `g${String(i).padStart(2, '0')}`);
    for (const widget of widgets) await makeWidget(widget);
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0].n === 0,
    );
    const batches: string[][] = [];
    const singles: string[] = [];
    const widgetOf = (event: EventEnvelope) => (event.data as { widget: string }).widget;
    const consumer = new InboxConsumer(
      dataSource,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable: 'batched', filterSubject: WidgetMade.subject },
      async (event, manager) => {
        singles.push(widgetOf(event));
        await manager.query(`INSERT INTO tallies (name, count) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET count = tallies.count + 1`, [
          `batched:${widgetOf(event)}`,
        ]);
      },
      undefined,
      async (events, manager) => {
        const names = events.map(widgetOf);
        batches.push(names);
        await manager.query(
          `INSERT INTO tallies (name, count) SELECT 'batched:' || unnest($1::text[]), 1 ON CONFLICT (name) DO UPDATE SET count = tallies.count + 1`,
          [names],
        );
        // A batch holding g13 fails after writing: its writes must roll back and its events go one by one.
        if (names.includes('g13')) throw new Error('set-based statement failed');
      },
    );
    consumers.push(consumer);
    await consumer.start();
    for (const widget of widgets)
      expect(
        await eventually(
          () => tally(`batched:${widget}`),
          (n) => n === 1,
        ),
      ).toBe(1);
    const backlogBatches = batches.map((names) => names.filter((n) => n.startsWith('g'))).filter((names) => names.length > 0);
    expect(backlogBatches.some((names) => names.length > 1)).toBe(true);
    expect(singles).toContain('g13');
    // What landed by batches plus what landed one by one is every widget once, in stream order.
    const landed = [...backlogBatches.filter((names) => !names.includes('g13')).flat(), ...singles.filter((n) => n.startsWith('g'))];
    expect([...landed].sort()).toEqual(widgets);
    expect(backlogBatches.flat().filter((n) => !singles.includes(n))).toEqual(
      backlogBatches
        .flat()
        .filter((n) => !singles.includes(n))
        .sort(),
    );
  });

  it('carries the trace context from the writing request to the consumer', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    const seen: string[] = [];
    await startConsumer('traced', (event) => {
      const active = trace.getSpanContext(context.active());
      if ((event.data as { widget: string }).widget === 'w6' && active) seen.push(active.traceId);
    });
    await context.with(parent, () => makeWidget('w6'));
    await eventually(
      () => tally('traced:w6'),
      (n) => n === 1,
    );
    const row = await dataSource.query(`SELECT trace_headers FROM outbox WHERE envelope->'data'->>'widget' = 'w6'`);
    expect(row[0].trace_headers.traceparent).toContain(traceId);
    expect(seen).toEqual([traceId]);
  });

  // Last: the 5,100 rows it writes would be every later consumer's backlog.
  it('publishes a row whose transaction commits after thousands of newer rows were published (the poll scans from the start)', async () => {
    const late = dataSource.createQueryRunner();
    await late.startTransaction();
    const lateEvent = await appendToOutbox(late.manager, SCHEMA, WidgetMade, made('late'));
    await dataSource.transaction((manager) =>
      appendManyToOutbox(
        manager,
        SCHEMA,
        WidgetMade,
        Array.from({ length: 5_100 }, (_, i) => widgetMade.newEvent({ subjectId: `n${i}`, data: { widget: `newer-${i}` } })),
      ),
    );
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0].n === 0,
      30_000,
    );
    await late.commitTransaction();
    await late.release();
    const published = await eventually(
      () => dataSource.query(`SELECT published_at FROM outbox WHERE id = $1`, [lateEvent.id]),
      (rows) => rows[0]?.published_at !== null,
    );
    expect(published[0].published_at).not.toBeNull();
  }, 60_000);

  it('reports outbox lag (commit → publish) and consumer lag (pending for the durable) to Prometheus', async () => {
    const lagCount = async () => (await outboxPublishLag.get()).values.find((v) => v.metricName === 'outbox_publish_lag_seconds_count')?.value ?? 0;
    const before = await lagCount();
    await makeWidget('lag-1');
    await makeWidget('lag-2');
    await eventually(lagCount, (n) => n >= before + 2);
    // The durable starts behind the whole stream; the gauge holds what JetStream said was still pending
    // with the last delivery (other tests of this file publish on the same stream, so not exactly 0).
    await startConsumer('lagging', () => undefined);
    await eventually(
      () => tally('lagging:lag-2'),
      (n) => n === 1,
    );
    const pending = (await consumerPending.get()).values.find((v) => v.labels.consumer === 'lagging')?.value;
    const inStream = (await messaging.jsm.streams.info(messaging.ns.stream('CREDIT_RECORDS'))).state.messages;
    expect(pending).toBeGreaterThanOrEqual(0);
    expect(pending).toBeLessThan(inStream);
  });
});
