import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventEnvelope, Events, PermitIssuedV1, PermitViolationDetectedV1 } from '@contracts';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import { permitsConfigSchema, permitsDefinition, type PermitsConfig } from '../permits.definition';
import { ActivePermits } from './application/active-permits';
import { IngestPositionsHandler } from './application/ingest-positions.handler';
import { PermitEventsConsumer } from './interface/permit-events.consumer';
import { PositionsConsumer } from './interface/positions.consumer';

// Issue 18 item 8 on real PostgreSQL and NATS: permits.permit.issued → positions on
// telemetry.positions.<region> → one permits.violations.detected per episode; a redelivered batch and a
// restarted instance (fresh memory, same database) neither repeat nor lose the episode.
const PLATE = `豫A${randomUUID().slice(0, 5).toUpperCase()}`;
const TODAY = new Date();
const at = (minutes: number) => new Date(TODAY.getTime() - 3 * 3_600_000 + minutes * 60_000).toISOString();
const permit: PermitIssuedV1 = {
  permitNo: `豫超限${randomUUID().slice(0, 8)}`,
  applicationId: randomUUID(),
  carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
  vehicle: { tractorPlate: PLATE, tractorPlateColour: 'yellow' },
  permitClass: 'II',
  // Due north along 113°E, 34°N → 35°N; 0.05° east of it is ≈ 4.6 km off (0.01° ≈ 918 m at 34.5°N).
  route: {
    segments: [
      {
        province: '410000',
        line: {
          type: 'LineString',
          coordinates: [
            [113.0, 34.0],
            [113.0, 35.0],
          ],
        },
      },
    ],
  },
  dimensions: { heightM: 4.5, widthM: 3.5, lengthM: 20, grossMassKg: 60_000 },
  validFrom: at(-60),
  validUntil: at(600),
  trips: 'single',
  issuedBy: { region: '410000', authority: '河南省交通运输厅', authorityUscc: '114100000052519881' },
  issuedAt: at(-120),
};
const FOUND_BY = { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' };
const point = (minutes: number, longitude: number, latitude: number) => ({
  plate: PLATE,
  plateColour: 'yellow',
  longitude,
  latitude,
  speedKmh: 60,
  recordedAt: at(minutes),
});

describe('route conformance on PostgreSQL and JetStream', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let consumers: EventConsumers;
  let config: PermitsConfig;

  function startInstance(): EventConsumers {
    const instance = new EventConsumers(ds, messaging, messaging.ns, config);
    const permits = new ActivePermits(ds, config);
    new PermitEventsConsumer(instance, permits).onModuleInit();
    new PositionsConsumer(instance, new IngestPositionsHandler(permits, new OutboxPublisher(permitsDefinition), config), config).onModuleInit();
    return instance;
  }

  async function publish(subject: string, data: unknown, id = randomUUID()): Promise<string> {
    const envelope: EventEnvelope = { id, type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId: PLATE, region: '410000', data };
    await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope), { msgID: id });
    return id;
  }

  async function violations(): Promise<PermitViolationDetectedV1[]> {
    const rows = await db.query<{ envelope: EventEnvelope<PermitViolationDetectedV1> }>(`SELECT envelope FROM permits.outbox WHERE subject = $1 ORDER BY seq`, [
      Events.PermitViolationDetected.subject,
    ]);
    return rows.map((row) => row.envelope.data);
  }

  async function settled(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('not settled in 10 s');
  }

  const processed = (id: string) => async () =>
    (await db.query(`SELECT 1 FROM permits.inbox WHERE consumer = 'permits-conformance-positions' AND event_id = $1`, [id])).length === 1;

  beforeAll(async () => {
    db = await cloneTestDatabase('conformance');
    ds = await db.dataSource(permitsDefinition);
    config = permitsConfigSchema.parse({
      DATABASE_URL: db.urlFor('permits'),
      NATS_URL: 'nats://127.0.0.1:4222',
      HTTP_PORT: '3999',
      GRPC_PORT: '3998',
      // Required since applications landed; route conformance never calls it.
      // Required of every backend (ADR 0073); never read here: no gRPC server starts in this spec.
      INTERNAL_IDENTITY_PUBLIC_KEY_FILE: '/nonexistent/internal-identity.pub.pem',
      JOINT_MEASURES_GRPC_URL: '127.0.0.1:3997',
      INBOX_COALESCE_MS: '0',
      ROUTE_CONFORMANCE_REFRESH_MS: '100',
    });
    messaging = await isolatedMessaging();
    consumers = startInstance();
    await consumers.startAll();
    await publish(Events.PermitIssued.subject, permit);
    await settled(async () => (await db.query(`SELECT 1 FROM permits.conformance_permits WHERE permit_no = $1`, [permit.permitNo])).length === 1);
  });

  afterAll(async () => {
    await consumers?.stopAll();
    await messaging?.cleanup();
    await db?.drop();
  });

  it('turns an off-route departure of many points into one violation event, then a redelivery into none', async () => {
    const batch = { foundBy: FOUND_BY, reports: [point(0, 113.0, 34.1), point(5, 113.05, 34.2), point(10, 113.05, 34.3), point(15, 113.06, 34.4)] };
    const first = await publish('telemetry.positions.410000', batch);
    await settled(processed(first));
    const found = await violations();
    expect(found).toEqual([
      expect.objectContaining({
        violationType: 'off-route',
        permitNumber: permit.permitNo,
        subject: { kind: 'org', id: permit.carrier.uscc, name: permit.carrier.name },
        region: '410000',
        detectedBy: 'trajectory-comparison',
        detectedAt: new Date(at(5)).toISOString(),
        foundBy: FOUND_BY,
        plate: PLATE,
      }),
    ]);
    // The same batch again under a new message id (a platform re-sending): no new episode.
    await settled(processed(await publish('telemetry.positions.410000', batch)));
    expect(await violations()).toHaveLength(1);
  });

  it('continues the open episode after a restart (fresh memory, same database) and reports the next departure once', async () => {
    await consumers.stopAll();
    consumers = startInstance();
    await consumers.startAll();
    // Still off route (same episode), back in for 10 min (closed), off again (a new episode).
    const id = await publish('telemetry.positions.410000', {
      foundBy: FOUND_BY,
      reports: [point(20, 113.06, 34.45), point(25, 113.0, 34.5), point(35, 113.0, 34.6), point(40, 113.05, 34.7), point(45, 113.05, 34.75)],
    });
    await settled(processed(id));
    const found = await violations();
    expect(found.map((v) => v.detectedAt)).toEqual([new Date(at(5)).toISOString(), new Date(at(40)).toISOString()]);
    expect(new Set(found.map((v) => v.episodeId)).size).toBe(2);
  });

  it('dead-letters a malformed batch and stores nothing of it', async () => {
    const id = await publish('telemetry.positions.410000', { foundBy: FOUND_BY, reports: [{ ...point(50, 113.5, 34.5), longitude: 'east' }] });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await processed(id)()).toBe(false);
    expect(await violations()).toHaveLength(2);
  });

  it('applies a backlog of batches together (one judgement) with the same result as one by one', async () => {
    await consumers.stopAll();
    // Back on the route at 50 and 60 (10 min: the episode from 40 ends), off again at 65: one new episode.
    const ids = [
      await publish('telemetry.positions.410000', { foundBy: FOUND_BY, reports: [point(50, 113.0, 34.8)] }),
      await publish('telemetry.positions.410000', { foundBy: FOUND_BY, reports: [point(60, 113.0, 34.85)] }),
      await publish('telemetry.positions.410000', { foundBy: FOUND_BY, reports: [point(65, 113.05, 34.9), point(70, 113.05, 34.95)] }),
    ];
    consumers = startInstance();
    await consumers.startAll();
    for (const id of ids) await settled(processed(id));
    const found = await violations();
    expect(found.map((v) => v.detectedAt)).toEqual([at(5), at(40), at(65)].map((t) => new Date(t).toISOString()));
  });

  it('two instances judging the first off-route points of one vehicle at once open ONE episode (the second waits, then continues it)', async () => {
    // ADR 0059 "one violation per episode": the vehicle has no episode row yet, so only the per-vehicle lock serialises them.
    const plate = `豫B${randomUUID().slice(0, 5).toUpperCase()}`;
    const other: PermitIssuedV1 = { ...permit, permitNo: `豫超限${randomUUID().slice(0, 8)}`, vehicle: { tractorPlate: plate, tractorPlateColour: 'yellow' } };
    await publish(Events.PermitIssued.subject, other);
    await settled(async () => (await db.query(`SELECT 1 FROM permits.conformance_permits WHERE permit_no = $1`, [other.permitNo])).length === 1);
    const outbox = new OutboxPublisher(permitsDefinition);
    const instanceA = new IngestPositionsHandler(new ActivePermits(ds, config), outbox, config);
    const instanceB = new IngestPositionsHandler(new ActivePermits(ds, config), outbox, config);
    const off = (minutes: number) => ({ ...point(minutes, 113.05, 34.3), plate });
    const first = ds.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    const a = await instanceA.execute(first.manager, { foundBy: FOUND_BY, reports: [off(100)] }, '410000');
    expect(a.reported).toHaveLength(1);
    let bDone = false;
    const b = ds.transaction((manager) => instanceB.execute(manager, { foundBy: FOUND_BY, reports: [off(101)] }, '410000')).finally(() => (bDone = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bDone).toBe(false);
    await first.commitTransaction();
    await first.release();
    expect((await b).reported).toEqual([]);
    expect((await violations()).filter((v) => v.plate === plate).map((v) => v.detectedAt)).toEqual([new Date(at(100)).toISOString()]);
  });

  it('stops judging a revoked permit: off its route afterwards is no violation', async () => {
    const revoked = await publish(Events.PermitRevoked.subject, {
      permitNo: permit.permitNo,
      applicationId: permit.applicationId,
      carrierUscc: permit.carrier.uscc,
      reason: '申请人隐瞒有关情况或者提供虚假材料',
      revokedBy: '河南省交通运输厅',
      revokedAt: at(75),
    });
    await settled(async () => (await db.query(`SELECT 1 FROM permits.inbox WHERE event_id = $1`, [revoked])).length === 1);
    // The consuming instance drops its corridors when it applies the revocation (ActivePermits.revoked).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const id = await publish('telemetry.positions.410000', { foundBy: FOUND_BY, reports: [point(80, 114.5, 34.9), point(85, 114.6, 34.9)] });
    await settled(processed(id));
    expect((await violations()).filter((v) => v.plate === PLATE)).toHaveLength(3);
  });
});
