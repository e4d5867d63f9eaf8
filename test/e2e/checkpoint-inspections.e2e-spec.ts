import { chinaDateOf } from '@domain/calendar';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string }[] };

/*
 * Checkpoint inspection through the gateway (issue 18 item 7). Seed 000 (加强入口核查): "落实入口称重、
 * 出口核查机制，逐车检测验证，发现车证不符、大车小证、未按许可时间、路线行驶的，拒绝其上站通行并将信息共享至
 * 当地公安交管、交通执法部门依法处理"; DOMAIN.md §7: a vehicle that does not match its permit is refused and
 * reported. A permit is issued through the real application flow (Zhengzhou's permit window), then
 * Zhengzhou's enforcement detachment measures the vehicle at an entry weighing station. Tolerances are
 * the placeholders (5 cm in height; no national number is configured): 4.6 m against a permitted 4.4 m
 * is 大车小证.
 */
describe('checkpoint inspections through the gateway: pass, 大车小证, no permit', () => {
  let platform: RunningPlatform;
  let window: string;
  let checkpoint: string;
  const dayMs = 86_400_000;
  const plate = `豫A${String(10_000 + Math.floor(Math.random() * 89_999))}`;
  const foundBy = { name: '郑州市交通运输综合行政执法支队', uscc: makeUscc('410100') };
  const station = { name: '郑州南超限检测站', region: '410100', kind: 'entry-weighing', longitude: 113.62, latitude: 34.75 };
  let carrier: string;
  let permitNo: string;

  const windowApi = gatewayApi<Json>(
    () => platform,
    () => window,
  );
  const api = gatewayApi<Json>(
    () => platform,
    () => checkpoint,
  );

  /** Zhengzhou → Xinyang inside Henan: 4.4 m × 3.5 m × 22 m, 51 t on 6 axles (class II), valid yesterday to tomorrow. */
  const application = (carrierUscc: string) => ({
    carrierUscc,
    vehicle: {
      tractorPlate: plate,
      trailerPlate: '豫A6789挂',
      axleCount: 6,
      configuration: 'combination',
      driveAxle: 'tandem',
      trailerType: 'flatbed',
      axleLoadsKg: [6000, 9000, 9000, 9000, 9000, 9000],
    },
    cargo: { description: '变压器', divisible: false },
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
    route: {
      origin: '郑州市',
      destination: '信阳市',
      segments: [
        {
          province: '410000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.62, 34.75],
              [114.07, 32.12],
            ],
          },
        },
      ],
    },
    window: { from: chinaDateOf(new Date(Date.now() - dayMs)), to: chinaDateOf(new Date(Date.now() + dayMs)) },
    speedKmh: 60,
    trips: 'single',
    commitment: true,
  });

  const inspection = (change: Record<string, unknown> = {}) => ({
    tractorPlate: plate,
    trailerPlate: '豫A6789挂',
    measured: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000, axleCount: 6 },
    checkpoint: station,
    inspectedAt: new Date(Date.now() - 60_000).toISOString(),
    foundBy,
    ...change,
  });

  async function violationRecords(subjectId: string): Promise<{ recordType: string; documentNumber: string; payload?: Record<string, unknown> }[]> {
    const query = new URLSearchParams({ subjectId, type: 'oversize-transport-violation' });
    const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records?${query}`, {
      headers: { authorization: `Bearer ${await platform.token('henan')}` },
    });
    return ((await response.json()) as { records?: { recordType: string; documentNumber: string }[] }).records ?? [];
  }

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'permits']);
    window = await platform.token('zhengzhou-permits');
    checkpoint = await platform.token('zhengzhou-checkpoint');
    carrier = makeUscc('410100');
    await registerSubjects(platform, [{ kind: 'org', id: carrier, sectors: ['oversize-transport'], region: '410100' }]);
    const submitted = await eventually(
      () => windowApi('/api/v1/permit-applications', { method: 'POST', body: application(carrier) }),
      (r) => r.body.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
    );
    expect(submitted.body).toMatchObject({ status: 'accepted', permitClass: 'II', crossProvince: false });
    const issued = await windowApi(`/api/v1/permit-applications/${submitted.body.id as string}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect(issued.status).toBe(200);
    permitNo = (issued.body as { permit: { permitNo: string } }).permit.permitNo;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('the permitted vehicle measured as permitted, in its window, at a station on its route: pass', async () => {
    const answer = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: inspection({ permitNo }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'pass', permitNo, mismatches: [], episodeId: null, toleranceSource: expect.stringMatching(/^placeholder/) });
  }, 60_000);

  it('大车小证 (4.6 m measured, 4.4 m permitted): refused with the mismatch; ONE violration record about the carrier', async () => {
    const body = inspection({ measured: { heightM: 4.6, widthM: 3.5, lengthM: 22, grossMassKg: 51000, axleCount: 6 } });
    const headers = { 'idempotency-key': `ci-oversize-${Date.now()}` };
    const answer = await api('/api/v1/checkpoint-inspections', { method: 'POST', body, headers });
    expect(answer.status).toBe(200);
    // Found by the tractor plate: the permit in force today.
    expect(answer.body).toMatchObject({
      outcome: 'refuse',
      permitNo,
      mismatches: [{ kind: 'oversize', field: 'measured.heightM', permitted: '4.4', measured: '4.6' }],
    });
    const episodeId = answer.body.episodeId as string;
    expect(episodeId).toMatch(/^ci-/);

    // Retried with the same key: the first answer, replayed. Sent again under another key: the same inspection, nothing new announced.
    const replay = await api('/api/v1/checkpoint-inspections', { method: 'POST', body, headers });
    expect(replay.body).toEqual(answer.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const resent = await api('/api/v1/checkpoint-inspections', { method: 'POST', body, headers: { 'idempotency-key': `ci-resent-${Date.now()}` } });
    expect(resent.body).toMatchObject({ outcome: 'refuse', episodeId, inspectionId: answer.body.inspectionId });

    const records = await eventually(
      () => violationRecords(carrier),
      (list) => list.length >= 1,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ recordType: 'oversize-transport-violation', documentNumber: episodeId });
  }, 60_000);

  it('the same checkpoint, plate and second with another measurement: 409 problem+json CONFLICTING_REPEAT, the first answer kept', async () => {
    // One inspection is one episode (ADR 0064): a different measurement of it must not replay the first verdict.
    const inspectedAt = new Date(Date.now() - 300_000).toISOString();
    const first = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: inspection({ permitNo, inspectedAt }) });
    expect(first.body).toMatchObject({ outcome: 'pass' });
    const heavier = inspection({ permitNo, inspectedAt, measured: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 60000, axleCount: 6 } });
    const conflicting = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: heavier });
    expect({ status: conflicting.status, code: conflicting.body.code }).toEqual({ status: 409, code: 'CHECKPOINT_INSPECTION.CONFLICTING_REPEAT' });
    expect(conflicting.headers.get('content-type')).toContain('application/problem+json');
    const same = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: inspection({ permitNo, inspectedAt }) });
    expect(same.body).toEqual(first.body);
  }, 60_000);

  it('no permit for the plate: refused; the violation record is about the vehicle', async () => {
    const other = `豫A${String(10_000 + Math.floor(Math.random() * 89_999))}`;
    const answer = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: inspection({ tractorPlate: other, trailerPlate: undefined }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'refuse', permitNo: null, mismatches: [{ kind: 'no-permit', field: 'tractorPlate' }] });
    const records = await eventually(
      () => violationRecords(other),
      (list) => list.length >= 1,
    );
    expect(records).toHaveLength(1);
  }, 60_000);

  it('off the route: a station 57 km west of the permitted corridor refuses a vehicle otherwise as permitted', async () => {
    const answer = await api('/api/v1/checkpoint-inspections', {
      method: 'POST',
      body: inspection({
        permitNo,
        checkpoint: { ...station, name: '登封超限检测站', longitude: 113.0 },
        inspectedAt: new Date(Date.now() - 120_000).toISOString(),
      }),
    });
    expect(answer.body).toMatchObject({ outcome: 'refuse', mismatches: [{ kind: 'off-route', field: 'checkpoint' }] });
  }, 60_000);

  it('bad input: 400 problem+json with the code and field, nothing stored', async () => {
    const count = async () => Number((await platform.db.query(`SELECT count(*) AS n FROM permits.checkpoint_inspections`))[0].n);
    const before = await count();
    const measured = { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000, axleCount: 6 };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['zero height', { measured: { ...measured, heightM: 0 } }, 'CHECKPOINT_INSPECTION.INVALID', 'measured.heightM'],
      ['negative width', { measured: { ...measured, widthM: -3.5 } }, 'CHECKPOINT_INSPECTION.INVALID', 'measured.widthM'],
      ['centimetres as metres (420 m)', { measured: { ...measured, heightM: 420 } }, 'CHECKPOINT_INSPECTION.INVALID', 'measured.heightM'],
      ['a time in the future', { inspectedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'CHECKPOINT_INSPECTION.INVALID', 'inspectedAt'],
      ['an unknown permit', { permitNo: '410000-2026-999999' }, 'CHECKPOINT_INSPECTION.UNKNOWN_PERMIT', 'permitNo'],
    ];
    for (const [what, change, code, field] of cases) {
      const answer = await api('/api/v1/checkpoint-inspections', { method: 'POST', body: inspection(change) });
      expect({ what, status: answer.status, code: answer.body.code, fields: (answer.body.errors ?? []).map((e) => e.field) }).toEqual({
        what,
        status: 400,
        code,
        fields: [field],
      });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await count()).toBe(before);
  }, 60_000);
});
