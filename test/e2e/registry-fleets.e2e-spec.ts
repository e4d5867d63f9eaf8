import { randomInt, randomUUID } from 'node:crypto';
import { daysAgo } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string };
type Entry = { listType: string; status: string; ruleId: string | null; grounds: string; basis: { recordId: string; recordType: string }[] };
type ImportResult = { lineCount: number; created: number; rejected: number; lines: { line: number; outcome: string }[] };

const RULE = 'carrier-fleet-over-10-percent-overloading';

/**
 * Issue 16 "Done when": the registry feeds joint measures' fleet sizes, end to end through the
 * gateway (ADR 0042, ADR 0044). A carrier and its 20 freight vehicles are imported through
 * `POST /api/v1/registry/imports`; its overload findings and the order to suspend are submitted
 * through `POST /api/v1/credit-records`; the list entry is read through the gateway.
 *
 * The rule (交办公路〔2017〕8号, DOMAIN.md §4; `carrier-fleet-over-10-percent-overloading` in
 * apps/joint-measures/src/entry-rules/domain/shipped-entry-rules.ts): a road transport carrier
 * whose vehicles violating over-limit transport in one year are more than 10 % (超过10%) of its
 * freight vehicles (本单位货运车辆总数), and which is ordered to suspend (责令停产停业), is listed
 * as severely dishonest for 2 years. A fleet size the licensing authority reports overrides the
 * registry's count (ADR 0044).
 */
describe('joint measures: fleet sizes from the subject registry, through the gateway', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );
  const ruleEntries = (uscc: string) =>
    api(`/api/v1/subjects/${encodeURIComponent(uscc)}/list-entries`).then((r) => ((r.body.entries ?? []) as Entry[]).filter((e) => e.ruleId === RULE));
  const recordsSeen = (uscc: string) =>
    platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.subject_records WHERE subject_id = $1`, [uscc]).then((r) => r[0]!.n);
  const registryVehicles = (uscc: string) =>
    platform.db
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.registry_vehicles WHERE carrier_uscc = $1 AND active`, [uscc])
      .then((r) => r[0]!.n);

  /** A Zhengzhou carrier and 20 freight vehicles (tractors), imported as one NDJSON batch. */
  async function importCarrierWithFleet(name: string): Promise<{ uscc: string; plates: string[] }> {
    const uscc = makeUscc('410100');
    const first = randomInt(10_000, 89_000);
    const plates = Array.from({ length: 20 }, (_, i) => `豫A${first + i}`);
    const lines = [
      { kind: 'enterprise', key: uscc, registration: { name, declaredSectors: ['general-cargo', 'oversize-transport'], registeredOn: '2015-06-01' } },
      ...plates.map((plate) => ({
        kind: 'vehicle',
        key: `${plate}:yellow`,
        registration: { carrierUscc: uscc, region: '410100', vehicleType: 'tractor', axles: 6 },
      })),
    ];
    const response = await fetch(`${platform.gatewayUrl}/api/v1/registry/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${zhengzhou}`, 'content-type': 'application/x-ndjson' },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result).toMatchObject({ lineCount: 21, created: 21, rejected: 0 });
    // Joint measures learns the fleet from the registry's vehicle events (ADR 0044).
    await eventually(
      () => registryVehicles(uscc),
      (n) => n === 20,
    );
    return { uscc, plates };
  }

  /** One over-limit transport finding naming a vehicle of the carrier (the records the rule counts). */
  const finding = (uscc: string, name: string, plate: string, days: number) => ({
    ...creditRecordBody(),
    recordType: 'oversize-transport-violation',
    subject: { kind: 'org', id: uscc, name },
    decisionDate: daysAgo(days),
    documentNumber: `郑超限〔2026〕${randomUUID().slice(0, 8)}号`,
    payload: {
      violationType: 'overweight',
      permitNumber: '豫超限〔2026〕0042',
      detectedAt: '2026-11-01T10:00:00+08:00',
      detectedBy: 'entry-weighing',
      plate,
      plateColour: 'yellow',
    },
  });
  /** The order to suspend (责令停产停业) in the same year, the rule's second condition. */
  const suspension = (uscc: string, name: string) => {
    const base = creditRecordBody();
    return {
      ...base,
      subject: { kind: 'org', id: uscc, name },
      severity: 'severe',
      decisionDate: daysAgo(5),
      documentNumber: `郑交罚〔2026〕${randomUUID().slice(0, 8)}号`,
      payload: { ...base.payload, violationType: '违法超限运输', penaltyCategories: ['fine', 'production-suspension'], fineAmountFen: 3_000_000 },
    };
  };
  async function submit(body: object): Promise<string> {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it('20 vehicles imported, 3 of them overloading, ordered to suspend: 3 > 10 % of 20 → proposed', async () => {
    const name = '郑州主体库超限测试物流有限公司';
    const { uscc, plates } = await importCarrierWithFleet(name);
    const findings: string[] = [];
    for (const [i, plate] of plates.slice(0, 3).entries()) findings.push(await submit(finding(uscc, name, plate, 60 - i * 10)));
    await submit(suspension(uscc, name));

    // 3 × 100 > 20 × 10: more than 10 % of the registry's 20 freight vehicles.
    const [entry] = await eventually(
      () => ruleEntries(uscc),
      (e) => e.length > 0,
      20_000,
    );
    expect(entry).toMatchObject({ listType: 'severe-dishonesty', status: 'proposed' });
    // The three vehicles' findings are what the entry rests on.
    expect(
      entry!.basis
        .filter((b) => b.recordType === 'oversize-transport-violation')
        .map((b) => b.recordId)
        .sort(),
    ).toEqual([...findings].sort());
    expect(entry!.grounds).toContain('违法超限运输车辆3辆，车辆总数20辆');
    expect(entry!.grounds).toContain('主体库');
  }, 60_000);

  it('the same carrier with a hand-reported fleet of 40: 3 of 40 is 7.5 %, not more than 10 % → not proposed', async () => {
    const name = '郑州主体库报备测试物流有限公司';
    const { uscc, plates } = await importCarrierWithFleet(name);
    // A fleet report needs the carrier known to joint measures: its first finding first.
    await submit(finding(uscc, name, plates[0]!, 60));
    await eventually(
      () => recordsSeen(uscc),
      (n) => n === 1,
    );
    const reported = await api(`/api/v1/subjects/${uscc}/fleet`, { method: 'PUT', body: { vehicles: 40, asOf: daysAgo(1), source: '道路运输管理信息系统' } });
    expect(reported).toMatchObject({ status: 200, body: { vehicles: 40, stored: true, proposed: [] } });

    for (const [i, plate] of plates.slice(1, 3).entries()) await submit(finding(uscc, name, plate, 50 - i * 10));
    await submit(suspension(uscc, name));
    await eventually(
      () => recordsSeen(uscc),
      (n) => n === 4,
    );
    // 3 × 100 > 40 × 10 does not hold: the reported 40 overrides the registry's 20.
    expect(await registryVehicles(uscc)).toBe(20);
    expect(await ruleEntries(uscc)).toEqual([]);
  }, 60_000);
});
