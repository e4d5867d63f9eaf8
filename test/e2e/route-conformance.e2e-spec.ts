import { randomUUID } from 'node:crypto';
import { EventEnvelope, Events, PermitIssuedV1 } from '@contracts';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { TEST_NATS_URL } from '@platform/testing';
import { makeUscc } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 18 item 8 through the gateway: an oversize permit is in force (its PermitIssued event is
 * published as the permits feature publishes it), Henan's monitoring platform posts the vehicle's
 * positions, the vehicle leaves its route's corridor for several points, and that one episode becomes
 * ONE oversize-transport-violation record in collection, readable with GET /api/v1/credit-records.
 */
describe('route conformance through the gateway', () => {
  let platform: RunningPlatform;
  const carrier = { uscc: makeUscc(), name: '郑州轨迹比对测试大件运输有限公司' };
  const plate = `豫A${randomUUID().slice(0, 5).toUpperCase()}`;
  const now = Date.now();
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const permit: PermitIssuedV1 = {
    permitNo: `豫超限〔2026〕${randomUUID().slice(0, 6)}号`,
    applicationId: randomUUID(),
    carrier,
    vehicle: { tractorPlate: plate, tractorPlateColour: 'yellow' },
    permitClass: 'II',
    // Due north along 113°E from 34°N to 35°N (Zhengzhou → Xinxiang); 0.01° east at 34.5°N is ≈ 918 m
    // on the WGS-84 ellipsoid, so 0.05° east is ≈ 4.6 km outside the default 500 m corridor.
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
    validFrom: minutesAgo(180),
    validUntil: new Date(now + 10 * 3_600_000).toISOString(),
    trips: 'single',
    issuedBy: { region: '410000', authority: '河南省交通运输厅', authorityUscc: '114100000052519881' },
    issuedAt: minutesAgo(240),
  };
  const foundBy = { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' };
  const position = (minutes: number, longitude: number, latitude: number, extra: object = {}) => ({
    plate,
    plateColour: 'yellow',
    longitude,
    latitude,
    speedKmh: 60,
    recordedAt: minutesAgo(minutes),
    ...extra,
  });
  // On route, then four points 4.6–5.5 km east (one episode), one point in Paris (flagged, not trusted).
  const batch = {
    foundBy,
    reports: [
      position(60, 113.0, 34.1),
      position(55, 113.0, 34.15),
      position(50, 113.05, 34.2),
      position(45, 113.05, 34.25),
      position(40, 113.06, 34.3),
      position(35, 2.35, 48.85),
      position(30, 113.06, 34.35),
    ],
  };

  async function post(body: unknown): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/vehicle-positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await platform.token('henan-positions')}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
  }

  async function violationRecords(): Promise<{ recordType: string; documentNumber: string; sourceClientId: string }[]> {
    const query = new URLSearchParams({ subjectId: carrier.uscc, type: 'oversize-transport-violation' });
    const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records?${query}`, {
      headers: { authorization: `Bearer ${await platform.token('henan')}` },
    });
    return ((await response.json()) as { records?: { recordType: string; documentNumber: string; sourceClientId: string }[] }).records ?? [];
  }

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'permits']);
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-route-conformance');
    try {
      const envelope: EventEnvelope<PermitIssuedV1> = {
        id: randomUUID(),
        type: Events.PermitIssued.subject,
        version: 1,
        occurredAt: new Date().toISOString(),
        subjectId: carrier.uscc,
        region: '410000',
        data: permit,
      };
      const ns = new MessagingNamespace(platform.natsPrefix);
      await handles.js.publish(ns.subject(Events.PermitIssued.subject), JSON.stringify(envelope), { msgID: envelope.id });
    } finally {
      await handles.nc.close();
    }
    await eventually(
      () => platform.db.query(`SELECT 1 FROM permits.conformance_permits WHERE permit_no = $1`, [permit.permitNo]).then((rows) => rows.length),
      (n) => n === 1,
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('turns one off-route episode into one violation record and reports the untrusted point back', async () => {
    const answer = await post(batch);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 6, flagged: [{ index: 5, flags: ['outside-china'] }] });
    expect(answer.body.reportedEpisodeIds).toHaveLength(1);
    const [episodeId] = answer.body.reportedEpisodeIds as string[];

    // The platform re-sends the same batch: no new episode, still one record.
    const again = await post(batch);
    expect(again.body.reportedEpisodeIds).toEqual([]);

    const records = await eventually(violationRecords, (list) => list.length >= 1);
    expect(records).toHaveLength(1);
    // The episode is the record's document number and source record id; the finding unit is its source.
    expect(records[0]).toMatchObject({ recordType: 'oversize-transport-violation', documentNumber: episodeId, sourceClientId: `permits:${foundBy.uscc}` });
  }, 60_000);

  it('refuses a malformed batch with problem+json naming the field and index, and stores nothing', async () => {
    const state = () => platform.db.query(`SELECT episode FROM permits.conformance_vehicle_episodes WHERE vehicle_key = $1`, [`${plate}|yellow`]);
    const before = await state();
    // Its first point is a valid off-route one: it must not be applied either.
    const refused = await post({ foundBy, reports: [position(20, 113.06, 34.4), { ...position(15, 113.06, 34.45), latitude: 'north' }] });
    expect(refused.status).toBe(400);
    expect(refused.type).toContain('application/problem+json');
    expect((refused.body.errors as { field: string }[]).map((e) => e.field)).toContain('reports.1.latitude');
    expect(typeof refused.body.code).toBe('string');
    expect(await state()).toEqual(before);
  });

  it('refuses an empty batch and one over the limit', async () => {
    expect((await post({ foundBy, reports: [] })).status).toBe(400);
    const tooMany = await post({ foundBy, reports: Array.from({ length: 5_001 }, () => position(10, 113.0, 34.5)) });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body.errors as { field: string }[]).map((e) => e.field)).toContain('reports');
  });

  it('turns oversize gantry passages of a plate with no permit into one no-permit record about the vehicle', async () => {
    const unpermitted = `豫C${randomUUID().slice(0, 5).toUpperCase()}`;
    const passage = (minutes: number, longitude: number) => ({ ...position(minutes, longitude, 34.75), plate: unpermitted, source: 'gantry', oversize: true });
    // Two gantries 20 minutes apart on the same trip: one episode (the gap that ends one is 30 min).
    const answer = await post({ foundBy, reports: [passage(40, 113.5), passage(20, 113.7)] });
    expect(answer.status).toBe(200);
    expect(answer.body.reportedEpisodeIds).toHaveLength(1);
    const query = new URLSearchParams({ subjectId: unpermitted, type: 'oversize-transport-violation' });
    const records = await eventually(
      async () =>
        (
          (await (
            await fetch(`${platform.gatewayUrl}/api/v1/credit-records?${query}`, { headers: { authorization: `Bearer ${await platform.token('henan')}` } })
          ).json()) as { records?: { subject?: { kind: string } }[] }
        ).records ?? [],
      (list) => list.length >= 1,
    );
    expect(records).toHaveLength(1);
    expect(records[0].subject).toMatchObject({ kind: 'vehicle', id: unpermitted });
  }, 60_000);

  it('flags an impossible speed and a time a day ahead, reports them back by index and trusts neither', async () => {
    const ahead = { ...position(0, 113.06, 34.5), recordedAt: new Date(now + 24 * 3_600_000).toISOString() };
    const answer = await post({ foundBy, reports: [position(5, 113.06, 34.5, { speedKmh: 400 }), ahead] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      accepted: 0,
      flagged: [
        { index: 0, flags: ['impossible-speed'] },
        { index: 1, flags: ['future-time'] },
      ],
      reportedEpisodeIds: [],
    });
  });
});
