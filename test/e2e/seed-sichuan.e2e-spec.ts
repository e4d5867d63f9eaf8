import { randomInt } from 'node:crypto';
import { citizenIdCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string };
interface Item {
  ruleId: string;
  recordId?: string;
  points: number;
  note?: string;
}
interface Evaluation {
  schemeId: string;
  schemeVersion: number;
  grade: string;
  score: number;
  explanation: { items: Item[] };
}
interface SchemeDocument {
  scoring: { indicators: { id: string; weight: number }[] };
}

const SCHEME = 'sichuan-risk-portrait';
const CHENGDU = '510100';

/*
 * Seed 004 案例15 (四川): 两客一危 carriers get a risk portrait over 5 dimensions; weights are set in
 * the system and changed when needed; carriers are high/medium/low risk; the portrait drills down to
 * each vehicle's and driver's deduction (DOMAIN.md §3). Played through the gateway with Sichuan's
 * clients: a carrier, its vehicles and drivers registered; alarms in → risk level and drill-down
 * out; the regulator re-weights by uploading a new scheme version → the level changes.
 *
 * Numbers follow sichuan-risk-portrait (shipped-schemes.ts; the seed gives no weights, these are
 * placeholders): overdue inspection 15, violations per vehicle 20 (2 per vehicle → 0), driver
 * violations per driver 20 (1 per driver → 0), casualty accidents 25, penalties 10, notices 10;
 * low ≥ 80, medium 60–<80, high < 60.
 */
describe('seed 004 案例15: Sichuan risk portraits, per vehicle and driver, re-weighted at run time', () => {
  let platform: RunningPlatform;
  let sichuan: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation']);
    [sichuan, regulator] = await Promise.all([platform.token('sichuan'), platform.token('sichuan-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => sichuan,
  );
  const today = chinaToday();
  const plate = () => `川A${String(randomInt(10000, 99999))}`;
  const citizenId = () => {
    const first17 = `51010419850101${String(randomInt(100, 999))}`;
    return first17 + citizenIdCheckCharacter(first17);
  };
  let serial = 0;

  const put = async (path: string, body: Record<string, unknown>) => {
    const res = await api(path, { method: 'PUT', body });
    expect({ path, status: res.status }).toEqual({ path, status: 201 });
  };
  const alarm = (carrier: string, violationCode: string, vehiclePlate: string, driverName?: string) => ({
    ...creditRecordBody(),
    recordType: 'monitoring-violation',
    subject: { kind: 'org', id: carrier, name: '四川某旅游客运有限公司' },
    region: CHENGDU,
    severity: 'general',
    decisionDate: today,
    documentNumber: `川运监〔${today.slice(0, 4)}〕${++serial}号`,
    payload: {
      violationCode,
      occurredAt: `${today}T10:${String(serial).padStart(2, '0')}:00+08:00`,
      plate: vehiclePlate,
      plateColour: 'yellow',
      platform: '四川省道路运输第三方安全监测平台',
      ...(violationCode === 'speeding' ? { speedKmh: 112, limitKmh: 100 } : {}),
      ...(driverName ? { driverName, driverCertificate: '510100201500001' } : {}),
    },
  });
  const submit = async (body: Record<string, unknown>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
    return created.body.id as string;
  };
  const portrait = (carrier: string) =>
    api(`/api/v1/subjects/${carrier}/evaluations`).then((r) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME));

  it('a coach carrier with 4 vehicles and 2 drivers: 4 speeding alarms and a driver on the phone → low risk (80), drilled to each vehicle and driver; re-weighted → medium', async () => {
    const carrier = makeUscc(CHENGDU);
    await put(`/api/v1/registry/enterprises/${carrier}`, { name: '四川某旅游客运有限公司', region: CHENGDU, declaredSectors: ['road-passenger'] });
    const plates = [plate(), plate(), plate(), plate()];
    for (const p of plates)
      await put(`/api/v1/registry/vehicles/${encodeURIComponent(`${p}:yellow`)}`, { carrierUscc: carrier, region: CHENGDU, vehicleType: 'bus', axles: 2 });
    for (const name of ['王师傅', '李师傅'])
      await put(`/api/v1/registry/drivers/${citizenId()}`, { name, region: CHENGDU, employerUscc: carrier, qualificationSectors: ['road-passenger'] });

    const speeding: string[] = [];
    for (const p of plates) speeding.push(await submit(alarm(carrier, 'speeding', p)));
    const phone = await submit(alarm(carrier, 'phone-use', plates[0]!, '王师傅'));

    // 4 violations / 4 vehicles = 1 per vehicle → ½ of 20; 1 phone call / 2 drivers = ½ per driver → ½ of 20:
    // 15 + 10 + 10 + 25 + 10 + 10 = 80 → low. (Before the fleet arrives the ratios divide by 1.)
    const low = (await eventually(
      () => portrait(carrier),
      (e) => !!e && e.score === 80 && [...speeding, phone].every((id) => e.explanation.items.some((i) => i.recordId === id)),
    ))!;
    expect({ grade: low.grade, score: low.score }).toEqual({ grade: 'low', score: 80 });

    // Drill-down (seed: "查看每辆车、每名驾驶员的每一条扣分记录"): each speeding alarm carries ¼ of the 10 points
    // lost and names its vehicle; the phone call carries all 10 of its indicator and names the driver.
    const lines = low.explanation.items.filter((i) => i.ruleId.endsWith('/drill-down'));
    expect(lines.filter((i) => i.ruleId === 'violations-per-vehicle/drill-down').map((i) => [i.recordId, i.points])).toEqual(
      expect.arrayContaining(speeding.map((id) => [id, -2.5])),
    );
    for (const p of plates) expect(lines.some((i) => i.note?.includes(`vehicle ${p}`))).toBe(true);
    expect(lines.find((i) => i.recordId === phone)).toMatchObject({
      ruleId: 'driver-violations-per-driver/drill-down',
      points: -10,
      note: expect.stringContaining('driver 王师傅'),
    });
    // The registry drills the same carrier down to the vehicles the portrait named.
    const fleet = await api(`/api/v1/registry/enterprises/${carrier}/vehicles`);
    expect(((fleet.body.items ?? []) as { key: string }[]).map((v) => v.key).sort()).toEqual(plates.map((p) => `${p}:yellow`).sort());

    // Run-time weights (seed: "可根据实际需求方便快捷对相应指标进行修正"): the regulator weighs violations per vehicle
    // 60 instead of 20 in a new version: (15 + 30 + 10 + 25 + 10 + 10) / 140 = 71.429 → medium.
    const admin = { token: regulator };
    const current = await api(`/api/v1/evaluation-schemes/${SCHEME}`, admin);
    expect(current.status).toBe(200);
    const document = current.body.document as SchemeDocument;
    document.scoring.indicators.find((i) => i.id === 'violations-per-vehicle')!.weight = 60;
    const published = await api(`/api/v1/evaluation-schemes/${SCHEME}`, { ...admin, method: 'PUT', body: { document, publish: true } });
    expect(published.status).toBe(200);
    const medium = await eventually(
      () => portrait(carrier),
      (e) => e?.grade === 'medium',
    );
    expect({ grade: medium!.grade, score: medium!.score, newer: medium!.schemeVersion > low.schemeVersion }).toEqual({
      grade: 'medium',
      score: 71.429,
      newer: true,
    });
  }, 60_000);

  it('refuses a re-weighting with a weight of 0, naming the field; the version in force stays', async () => {
    const admin = { token: regulator };
    const current = await api(`/api/v1/evaluation-schemes/${SCHEME}`, admin);
    const document = current.body.document as SchemeDocument;
    document.scoring.indicators[0]!.weight = 0;
    const refused = await api(`/api/v1/evaluation-schemes/${SCHEME}`, { ...admin, method: 'PUT', body: { document, publish: true } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'SCHEME.INVALID' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'document.scoring.indicators[0].weight' })]);
    expect((await api(`/api/v1/evaluation-schemes/${SCHEME}`, admin)).body.version).toBe(current.body.version);
  });
});
