import { DataSource } from 'typeorm';
import { EventEnvelope, Events, PermitViolationDetectedV1 } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { permitsConfigSchema, permitsDefinition, type PermitsConfig } from '../permits.definition';
import type { CreditCheckPort } from '../applications/application/credit-check.port';
import { DecideApplicationHandler } from '../applications/application/decide-application.handler';
import { SubmitApplicationHandler } from '../applications/application/submit-application.handler';
import { zhengzhouToWuhan } from '../applications/domain/permit-application.fixture';
import { putRegistryCarriers } from '../applications/infrastructure/registry-carriers.repository';
import { InspectVehicleHandler, type InspectVehicleCommand } from './application/inspect-vehicle.handler';

/*
 * Checkpoint inspection on real PostgreSQL (issue 18 item 7; seed 000 "入口称重、出口核查 … 大车小证 …
 * 拒绝其上站通行"): a permit issued by the applications feature (Zhengzhou → Xinyang, 4.4 m × 3.5 m ×
 * 22 m, 51 t, 2026-12-10 … 12), measured at a station on its route. The tolerances are configuration:
 * here a deployment's own table (0.3 m in height, named source), so 4.6 m passes and 4.8 m does not.
 */
describe('checkpoint inspection against issued permits (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let inspect: InspectVehicleHandler;
  const window: Principal = { clientId: 'permit-window', kind: 'integrator', scopes: ['permits:write', 'measures:decide'], region: '410100' };
  const checkpoint: Principal = { clientId: 'zhengzhou-checkpoint', kind: 'integrator', scopes: ['permits:write'], region: '410100' };
  const creditCheck: CreditCheckPort = { check: async () => ({ answered: true, decisionId: 'd-allow', outcome: 'allow', measures: [] }) };
  const issuedOn = new Date('2026-12-07T02:00:00Z');
  // During the window, at Zhengzhou (the route's first point).
  const now = Date.parse('2026-12-10T10:00:00+08:00');
  let permitNo: string;

  const command = (change: Partial<InspectVehicleCommand['inspection']> = {}, idempotencyKey = ''): InspectVehicleCommand => ({
    idempotencyKey,
    inspection: {
      tractorPlate: '豫A12345',
      trailerPlate: '豫A6789挂',
      measured: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51_000, axleCount: 6 },
      checkpoint: { name: '郑州南超限检测站', region: '410100', kind: 'exit-check', longitude: 113.62, latitude: 34.75 },
      inspectedAt: '2026-12-10T09:30:00+08:00',
      foundBy: { name: '郑州市交通运输综合行政执法支队', uscc: '12410100MB0000000X' },
      ...change,
    },
  });

  async function violations(): Promise<PermitViolationDetectedV1[]> {
    const rows = await db.query<{ envelope: EventEnvelope<PermitViolationDetectedV1> }>(`SELECT envelope FROM permits.outbox WHERE subject = $1 ORDER BY seq`, [
      Events.PermitViolationDetected.subject,
    ]);
    return rows.map((row) => row.envelope.data);
  }

  const stored = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM checkpoint_inspections`))[0].n);

  beforeAll(async () => {
    db = await cloneTestDatabase('permits-inspections');
    dataSource = await db.dataSource(permitsDefinition);
    const outbox = new OutboxPublisher(permitsDefinition as ServiceDefinition);
    const config: PermitsConfig = permitsConfigSchema.parse({
      DATABASE_URL: db.urlFor('permits'),
      NATS_URL: 'nats://127.0.0.1:4222',
      HTTP_PORT: '3999',
      GRPC_PORT: '3998',
      // Required of every backend (ADR 0073); never read here: no gRPC server starts in this spec.
      INTERNAL_IDENTITY_PUBLIC_KEY_FILE: '/nonexistent/internal-identity.pub.pem',
      JOINT_MEASURES_GRPC_URL: '127.0.0.1:3997',
      CHECKPOINT_TOLERANCE_HEIGHT_M: '0.3',
      CHECKPOINT_TOLERANCE_SOURCE: 'test deployment: 0.3 m in height',
    });
    inspect = new InspectVehicleHandler(dataSource, outbox, config);
    const carrierUscc = makeUscc('410100');
    await putRegistryCarriers(dataSource.manager, [
      {
        uscc: carrierUscc,
        name: '郑州大件运输有限公司',
        region: '410100',
        sectors: ['oversize-transport'],
        active: true,
        revision: 1,
        changedAt: issuedOn.toISOString(),
      },
    ]);
    const base = zhengzhouToWuhan({ carrierUscc });
    const draft = { ...base, route: { ...base.route, destination: '信阳市', segments: [base.route.segments[0]] } };
    const { application } = await new SubmitApplicationHandler(dataSource, creditCheck, new WorkingDayCalendar()).execute(window, { draft }, issuedOn);
    const decided = await new DecideApplicationHandler(dataSource, outbox).execute(window, { id: application.id, outcome: 'issue' }, issuedOn);
    permitNo = decided.permit!.permitNo;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('the configured tolerance applies and is named: 4.6 m against 4.4 m + 0.3 m passes', async () => {
    const { inspection } = await inspect.execute(
      checkpoint,
      command({ measured: { heightM: 4.6, widthM: 3.5, lengthM: 22, grossMassKg: 51_000, axleCount: 6 } }),
      now,
    );
    expect(inspection).toMatchObject({ outcome: 'pass', permitNo, mismatches: [], toleranceSource: 'test deployment: 0.3 m in height' });
    expect(await violations()).toEqual([]);
  });

  it('大车小证 beyond the configured tolerance: one violation announced, once for the same inspection', async () => {
    const before = (await violations()).length;
    const heavy = command({
      inspectedAt: '2026-12-10T09:40:00+08:00',
      measured: { heightM: 4.8, widthM: 3.5, lengthM: 22, grossMassKg: 51_000, axleCount: 6 },
    });
    const first = await inspect.execute(checkpoint, heavy, now);
    expect(first.inspection).toMatchObject({
      outcome: 'refuse',
      mismatches: [{ kind: 'oversize', field: 'measured.heightM', permitted: '4.4', measured: '4.8' }],
    });
    const again = await inspect.execute(checkpoint, heavy, now);
    expect(again.inspection).toEqual(first.inspection);
    const found = (await violations()).slice(before);
    expect(found).toEqual([
      expect.objectContaining({
        episodeId: first.inspection.episodeId,
        permitNumber: permitNo,
        violationType: 'mismatched-vehicle',
        detectedBy: 'exit-check',
        region: '410100',
        foundBy: { name: '郑州市交通运输综合行政执法支队', uscc: '12410100MB0000000X' },
      }),
    ]);
  });

  it('the same checkpoint, plate and instant with another measurement: 409 CONFLICTING_REPEAT, the first kept, nothing announced', async () => {
    // One inspection is one episode (ADR 0064): a second, different measurement of it cannot replay the first answer.
    const at = { inspectedAt: '2026-12-10T09:50:00+08:00' };
    const first = await inspect.execute(checkpoint, command(at), now);
    expect(first.inspection.outcome).toBe('pass');
    const rows = await stored();
    const events = (await violations()).length;
    const heavier = command({ ...at, measured: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 60_000, axleCount: 6 } });
    await expect(inspect.execute(checkpoint, heavier, now)).rejects.toMatchObject({ code: 'CHECKPOINT_INSPECTION.CONFLICTING_REPEAT', kind: 'conflict' });
    expect(await stored()).toBe(rows);
    expect((await violations()).length).toBe(events);
    // The same measurement again still answers the first verdict.
    expect((await inspect.execute(checkpoint, command(at), now)).inspection).toEqual(first.inspection);
  });

  it('outside the window (the day after it ends): refused', async () => {
    const late = await inspect.execute(checkpoint, command({ permitNo, inspectedAt: '2026-12-13T08:00:00+08:00' }), Date.parse('2026-12-13T09:00:00+08:00'));
    expect(late.inspection.mismatches.map((m) => m.kind)).toEqual(['outside-window']);
  });

  it('bad input and an unknown permit are refused whole; nothing is stored or announced', async () => {
    const rows = await stored();
    const events = (await violations()).length;
    await expect(
      inspect.execute(checkpoint, command({ measured: { heightM: 420, widthM: 0, lengthM: 22, grossMassKg: 51_000, axleCount: 6 } }), now),
    ).rejects.toMatchObject({
      code: 'CHECKPOINT_INSPECTION.INVALID',
      violations: [expect.objectContaining({ field: 'measured.heightM' }), expect.objectContaining({ field: 'measured.widthM' })],
    });
    await expect(inspect.execute(checkpoint, command({ permitNo: '410000-2026-999999' }), now)).rejects.toMatchObject({
      code: 'CHECKPOINT_INSPECTION.UNKNOWN_PERMIT',
      violations: [expect.objectContaining({ field: 'permitNo' })],
    });
    await expect(
      inspect.execute(checkpoint, command({ checkpoint: { name: '武汉站', region: '420100', kind: 'roadside', longitude: 114.3, latitude: 30.59 } }), now),
    ).rejects.toMatchObject({
      violations: [expect.objectContaining({ field: 'checkpoint.region' })],
    });
    expect(await stored()).toBe(rows);
    expect((await violations()).length).toBe(events);
  });
});
