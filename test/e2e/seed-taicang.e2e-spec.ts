import { addDays, addMonths } from '@domain/calendar';
import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday, creditRecordBody } from '@platform/testing';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string }[] };
interface Screened {
  subject: { id: string };
  outcome: string;
  entryId: string | null;
  unmet: { criterion: string; detail: string }[];
}

const RULE = 'taicang-green-fast-lane';
const AUTHORITY_FIRST17 = '11320585005252717';
const TAICANG = '320585';

/*
 * Seed 003 太仓海事局“平安箱运·绿色快航”: 构建“一年无违章、两年无安检滞留、三年无等级事故、无信用惩戒、无重点跟踪、
 * 无C类船舶”的“六无”准入标准，将一年内在太仓港累计作业不少于12艘次的守信集装箱船舶纳入守信激励名单；对纳入名单的船舶，
 * 实施降低现场检查频次、审慎开具安检缺陷、优先待泊作业、开通绿色通道等便利举措。
 * Played through the gateway with Taicang's client: vessels registered (one with no record yet), port calls and findings in,
 * a screening run (筛选认定) lists the ship that meets every criterion and tells why each other is
 * left off, and the decision for the listed ship carries the incentives (ADR 0052).
 */
describe('seed 003 太仓: the green fast lane lists clean container ships with 12 calls a year, screened by the MSA', () => {
  let platform: RunningPlatform;
  let taicang: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    taicang = await platform.token('taicang');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => taicang,
  );

  const today = chinaToday();
  const vesselId = () => `CN2026${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const envelope = (vessel: string, recordType: string, decisionDate: string, severity: string, payload: Record<string, unknown>) => ({
    ...creditRecordBody(),
    recordType,
    subject: { kind: 'vessel', id: vessel, name: `苏太仓货${vessel.slice(-4)}` },
    region: TAICANG,
    severity,
    decisionDate,
    payload,
  });
  /** `count` calls at Taicang port inside the last year: 20, 45, 70 … days ago (the 12th is 295 days ago). */
  const portCalls = (vessel: string, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const day = addDays(today, -(20 + 25 * i));
      return envelope(vessel, 'vessel-port-call', day, 'minor', {
        port: '太仓港',
        terminal: '太仓正和集装箱码头',
        berthedAt: `${day}T08:00:00+08:00`,
        operation: 'loading-and-unloading',
        reportedBy: '太仓港口管理局',
      });
    });
  const violation = (vessel: string, day: string) =>
    envelope(vessel, 'administrative-penalty', day, 'general', {
      facts: '船舶未按规定显示号灯号型',
      penaltyCategories: ['fine'],
      penaltyBasis: '《中华人民共和国内河交通安全管理条例》',
      penaltyContent: '罚款人民币贰仟元',
      fineAmountFen: 200_000,
      authority: '太仓海事局',
      authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17),
    });
  /** A ship safety inspection by Taicang MSA (安检); “两年无安检滞留” is about the ones that detained the ship. */
  const safetyInspection = (vessel: string, day: string, detained: boolean) =>
    envelope(vessel, 'ship-safety-inspection', day, detained ? 'general' : 'minor', {
      inspectedAt: `${day}T10:00:00+08:00`,
      port: '太仓港',
      inspectionType: 'flag-state',
      defects: detained ? 6 : 2,
      detainableDefects: detained ? 1 : 0,
      detained,
      authority: '太仓海事局',
    });

  async function submit(records: Record<string, unknown>[]): Promise<void> {
    for (const body of records) {
      const created = await api('/api/v1/credit-records', { method: 'POST', body });
      expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
    }
  }
  async function heldByJointMeasures(subjectIds: string[], count: number): Promise<void> {
    await eventually(
      () => platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.subject_records WHERE subject_id = ANY($1)`, [subjectIds]),
      (rows) => rows[0].n >= count,
      30_000,
    );
  }
  const screen = (body: Record<string, unknown> = { asOf: today, documentNumber: '太海认〔2026〕1号' }, token?: string) =>
    api(`/api/v1/entry-rules/${RULE}/screenings`, { method: 'POST', body, token });
  const ours = (subjects: Screened[], ids: string[]) => new Map(subjects.filter((s) => ids.includes(s.subject.id)).map((s) => [s.subject.id, s]));

  it('lists the clean ship with 12 calls, leaves the others off naming the criterion each misses, and the listed ship gets the incentives', async () => {
    const [clean, violated, eleven, detained, inspected, unrecorded] = [vesselId(), vesselId(), vesselId(), vesselId(), vesselId(), vesselId()];
    const ships = [clean, violated, eleven, detained, inspected, unrecorded];
    for (const id of ships) {
      const registered = await api(`/api/v1/registry/vessels/${id}`, {
        method: 'PUT',
        body: { name: `苏太仓货${id.slice(-4)}`, region: TAICANG, vesselType: '集装箱船', grossTonnage: 1800 },
      });
      expect([200, 201]).toContain(registered.status);
    }
    await submit([
      // 12 calls at Taicang port within a year, nothing else: meets “六无” and 不少于12艘次 → listed.
      ...portCalls(clean, 12),
      // 12 calls, but a violation 10 months ago: 一年无违章 is not met.
      ...portCalls(violated, 12),
      violation(violated, addMonths(today, -10)),
      // Only 11 calls: 不少于12艘次 is not met.
      ...portCalls(eleven, 11),
      // 12 calls, but detained after a safety inspection 18 months ago: 两年无安检滞留 is not met.
      ...portCalls(detained, 12),
      safetyInspection(detained, addMonths(today, -18), true),
      // 12 calls and an inspection 18 months ago that found defects but did not detain: the criterion is
      // detention (安检滞留), not inspection, so it is listed.
      ...portCalls(inspected, 12),
      safetyInspection(inspected, addMonths(today, -18), false),
    ]);
    await heldByJointMeasures(ships, 12 + 13 + 11 + 13 + 13);
    // The registry's vessels are screened too: a ship registered with no record yet (0 calls) is reported.
    await eventually(
      () => platform.db.query(`SELECT 1 FROM joint_measures.registry_vessels WHERE vessel_id = $1`, [unrecorded]),
      (rows) => rows.length === 1,
    );

    const run = await screen();
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ ruleId: RULE, listType: 'red', asOf: today });
    const screened = ours(run.body.subjects as Screened[], ships);
    expect(screened.get(clean)).toMatchObject({ outcome: 'listed', unmet: [] });
    expect(screened.get(clean)!.entryId).toEqual(expect.any(String));
    expect(screened.get(violated)).toMatchObject({ outcome: 'not-listed', entryId: null, unmet: [{ criterion: '一年无违章' }] });
    expect(screened.get(eleven)).toMatchObject({ outcome: 'not-listed', unmet: [{ criterion: '一年内在太仓港累计作业不少于12艘次' }] });
    expect(screened.get(detained)).toMatchObject({ outcome: 'not-listed', unmet: [{ criterion: '两年无安检滞留' }] });
    expect(screened.get(inspected)).toMatchObject({ outcome: 'listed', unmet: [] });
    expect(screened.get(inspected)!.entryId).toEqual(expect.any(String));
    expect(screened.get(unrecorded)).toMatchObject({ outcome: 'not-listed', unmet: [{ criterion: '一年内在太仓港累计作业不少于12艘次' }] });

    // An incentive list needs no prior notice: the entry is in force from the day screened, resting on the 12 calls.
    const entries = await api(`/api/v1/subjects/${clean}/list-entries`);
    expect(entries.status).toBe(200);
    expect(entries.body.entries).toEqual([
      expect.objectContaining({
        id: screened.get(clean)!.entryId,
        listType: 'red',
        ruleId: RULE,
        status: 'effective',
        startsOn: today,
        inForce: true,
        decision: expect.objectContaining({ documentNumber: '太海认〔2026〕1号' }),
      }),
    ]);
    expect(((entries.body.entries as { basis: unknown[] }[])[0].basis ?? []).length).toBe(12);
    expect((await api(`/api/v1/subjects/${violated}/list-entries`)).body.entries).toEqual([]);

    // Re-running the same day adds nothing: the clean ship keeps its one entry.
    const again = await screen();
    expect(ours(again.body.subjects as Screened[], [clean]).get(clean)).toMatchObject({ outcome: 'kept', entryId: screened.get(clean)!.entryId });
    expect((await api(`/api/v1/subjects/${clean}/list-entries`)).body.entries).toHaveLength(1);

    // 降低现场检查频次、审慎开具安检缺陷 when inspecting; 优先待泊作业、开通绿色通道 when dispatching.
    const inspection = await eventually(
      () => api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: clean, scene: 'inspection.frequency' } }),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(inspection.status).toBe(200);
    expect((inspection.body.measures as { code: string }[]).map((m) => m.code).sort()).toEqual(['inspection.on-site-reduced', 'inspection.prudent-defects']);
    const dispatch = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: clean, scene: 'dispatch.priority' } });
    expect((dispatch.body.measures as { code: string }[]).map((m) => m.code).sort()).toEqual(['berthing.priority', 'green-channel']);
    const none = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: violated, scene: 'dispatch.priority' } });
    expect(none.body).toMatchObject({ measures: [] });

    // The listed ship violates today: the next screening ends its entry, naming the criterion.
    await submit([violation(clean, today)]);
    await heldByJointMeasures([clean], 13);
    const later = await screen({ asOf: today });
    expect(ours(later.body.subjects as Screened[], [clean]).get(clean)).toMatchObject({ outcome: 'ended', unmet: [{ criterion: '一年无违章' }] });
    const ended = await api(`/api/v1/subjects/${clean}/list-entries`);
    expect(ended.body.entries).toEqual([
      expect.objectContaining({
        status: 'removed',
        removal: expect.objectContaining({ reason: 'screening-unmet', detail: expect.stringContaining('一年无违章') }),
      }),
    ]);
  }, 180_000);

  it('refuses bad screening requests with problem+json naming the field, and another region’s client', async () => {
    const future = await screen({ asOf: addDays(today, 1) });
    expect(future).toMatchObject({ status: 400, body: { code: 'ENTRY_RULES.SCREENING_INVALID', errors: [{ field: 'asOf' }] } });
    expect(future.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await screen({ asOf: '2026-13' });
    expect(malformed.status).toBe(400);
    const unknown = await api('/api/v1/entry-rules/no-such-rule/screenings', { method: 'POST', body: {} });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'ENTRY_RULES.UNKNOWN_RULE' } });
    const counting = await api('/api/v1/entry-rules/overload-more-than-3-in-12-months/screenings', { method: 'POST', body: {} });
    expect(counting).toMatchObject({ status: 400, body: { code: 'ENTRY_RULES.SCREENING_INVALID', errors: [{ field: 'ruleId' }] } });
    const zhengzhou = await platform.token('zhengzhou');
    const outside = await screen({}, zhengzhou);
    expect(outside.status).toBe(403);
  }, 60_000);
});
