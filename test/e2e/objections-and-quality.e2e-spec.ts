import { chinaMonth, daysAgo } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Problem = { code?: string; errors?: { field: string; code?: string }[] };
type Json = Record<string, unknown> & Problem;

/** Collection issue: objections, the region-scoped list, monitoring-violation claims and the quality report. */
describe('objections, lists, claims and the collection-quality report', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let henan: string;
  let luoyang: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure']);
    [zhengzhou, henan, luoyang] = await Promise.all([platform.token('zhengzhou'), platform.token('henan'), platform.token('luoyang')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  const submit = async (body: ReturnType<typeof creditRecordBody>, token = zhengzhou) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body, token });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const record = (id: string) =>
    api(`/api/v1/credit-records/${id}`).then(
      (r) => r.body as Json & { status: string; documentNumber: string; history: { change: string; status: string; changes?: unknown }[] },
    );
  const events = (recordId: string) =>
    platform.db
      .query<{ type: string }>(`SELECT envelope->>'type' AS type FROM collection.outbox WHERE envelope->'data'->>'recordId' = $1 ORDER BY envelope->>'id'`, [
        recordId,
      ])
      .then((rows) => rows.map((r) => r.type));
  const objection = { reason: '处罚决定书文号有误', objector: { name: '郑州测试运输有限公司', contact: '0371-12345678' } };

  const publicPenalties = (uscc: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(
      async (r) => ((await r.json()) as { penalties?: { documentNumber: string }[] }).penalties ?? [],
    );

  it('opens an objection, lets only the provider resolve it, and corrects the record with its history', async () => {
    const body = creditRecordBody();
    const id = await submit(body);
    expect(
      await eventually(
        () => publicPenalties(body.subject.id),
        (p) => p.length === 1,
      ),
    ).toEqual([expect.objectContaining({ documentNumber: body.documentNumber })]);
    const opened = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: objection, headers: { 'idempotency-key': `obj-${id}` } });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ recordId: id, status: 'open', overdue: false, objector: objection.objector });
    expect(opened.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const replay = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: objection, headers: { 'idempotency-key': `obj-${id}` } });
    expect(replay.body.id).toBe(opened.body.id);
    expect((await record(id)).status).toBe('under-objection');

    const again = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: objection });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'OBJECTION.ALREADY_OPEN' });
    const revoke = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '想直接撤销' } });
    expect({ status: revoke.status, code: revoke.body.code }).toEqual({ status: 409, code: 'RECORD.UNDER_OBJECTION' });
    const byProvince = await api(`/api/v1/objections/${opened.body.id}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '省级核实' },
      token: henan,
    });
    expect({ status: byProvince.status, code: byProvince.body.code }).toEqual({ status: 403, code: 'OBJECTION.NOT_PROVIDER' });
    const fromLuoyang = await api(`/api/v1/objections/${opened.body.id}`, { token: luoyang });
    expect({ status: fromLuoyang.status, code: fromLuoyang.body.code }).toEqual({ status: 404, code: 'OBJECTION.NOT_FOUND' });

    const resolved = await api(`/api/v1/objections/${opened.body.id}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '经核实，文号录入错误，已更正', correction: { documentNumber: `郑交执罚〔2026〕9${Date.now() % 100000}号` } },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'upheld', outcome: 'corrected', resolvedBy: 'zhengzhou' });
    const corrected = await record(id);
    expect(corrected.status).toBe('corrected');
    expect(corrected.history.map((v) => `${v.change}:${v.status}`)).toEqual(['created:active', 'objection-opened:under-objection', 'corrected:corrected']);
    expect(corrected.history[2].changes).toEqual({ documentNumber: { from: expect.any(String), to: corrected.documentNumber } });
    expect(await events(id)).toEqual([
      'credit.records.created',
      'credit.records.updated',
      'credit.objections.opened',
      'credit.records.updated',
      'credit.objections.resolved',
    ]);
    // The public sees the corrected document number.
    const shown = await eventually(
      () => publicPenalties(body.subject.id),
      (p) => p[0]?.documentNumber === corrected.documentNumber,
    );
    expect(shown.map((p) => p.documentNumber)).toEqual([corrected.documentNumber]);
  });

  it("returns a rejected objection's record to its status, and revokes on upheld without a correction", async () => {
    const kept = await submit(creditRecordBody());
    const first = await api(`/api/v1/credit-records/${kept}/objections`, { method: 'POST', body: objection });
    const rejected = await api(`/api/v1/objections/${first.body.id}/resolution`, { method: 'POST', body: { outcome: 'rejected', note: '经核实，记录无误' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    expect((await record(kept)).status).toBe('active');

    const withdrawn = await submit(creditRecordBody());
    const second = await api(`/api/v1/credit-records/${withdrawn}/objections`, { method: 'POST', body: objection });
    const upheld = await api(`/api/v1/objections/${second.body.id}/resolution`, { method: 'POST', body: { outcome: 'upheld', note: '处罚对象错误，撤销' } });
    expect(upheld.body).toMatchObject({ status: 'upheld', outcome: 'revoked' });
    expect((await record(withdrawn)).status).toBe('revoked');
    const onRevoked = await api(`/api/v1/credit-records/${withdrawn}/objections`, { method: 'POST', body: objection });
    expect({ status: onRevoked.status, code: onRevoked.body.code }).toEqual({ status: 409, code: 'OBJECTION.RECORD_NOT_OBJECTABLE' });
    const twice = await api(`/api/v1/objections/${second.body.id}/resolution`, { method: 'POST', body: { outcome: 'rejected', note: '再次处理' } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'OBJECTION.ALREADY_RESOLVED' });
  });

  it('refuses bad objections and bad corrections with the field, leaving nothing half-written', async () => {
    const id = await submit(creditRecordBody());
    const noReason = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: { objector: { name: '某公司' } } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((e) => e.field)).toContain('reason');
    const opened = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: objection });
    const future = await api(`/api/v1/objections/${opened.body.id}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '更正日期', correction: { decisionDate: '2999-01-01' } },
    });
    expect({ status: future.status, code: future.body.code }).toEqual({ status: 400, code: 'RECORD.INVALID' });
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'decisionDate', code: 'FUTURE_DATE' })]);
    const badOutcome = await api(`/api/v1/objections/${opened.body.id}/resolution`, { method: 'POST', body: { outcome: 'maybe', note: 'x' } });
    expect(badOutcome.status).toBe(400);
    const noChange = await api(`/api/v1/objections/${opened.body.id}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '更正', correction: { severity: 'general' } },
    });
    expect({ status: noChange.status, errors: noChange.body.errors }).toEqual({
      status: 400,
      errors: [expect.objectContaining({ field: 'correction', code: 'NO_CHANGE' })],
    });
    const unchanged = await record(id);
    expect(unchanged.status).toBe('under-objection');
    expect(unchanged.history).toHaveLength(2);
    expect((await api(`/api/v1/objections/${opened.body.id}`)).body).toMatchObject({ status: 'open' });
    const notAnId = await api(`/api/v1/credit-records/not-a-record/objections`, { method: 'POST', body: objection });
    expect({ status: notAnId.status, code: notAnId.body.code }).toEqual({ status: 404, code: 'RECORD.NOT_FOUND' });
  });

  it("lists records by subject, type and dates, only inside the caller's region, page by page", async () => {
    const subject = { kind: 'org', id: makeUscc(), name: '郑州分页运输有限公司' };
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await submit(creditRecordBody({ subject, decisionDate: daysAgo(i + 1) })));
    const luoyangRecord = await submit(creditRecordBody({ subject: { ...subject }, region: '410300' }), luoyang);
    const page1 = await api(`/api/v1/credit-records?subjectId=${subject.id}&type=administrative-penalty&limit=2`);
    expect(page1.status).toBe(200);
    expect((page1.body.records as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(0, 2));
    const page2 = await api(`/api/v1/credit-records?subjectId=${subject.id}&limit=2&cursor=${page1.body.nextCursor as string}`);
    expect((page2.body.records as { id: string }[]).map((r) => r.id)).toEqual([ids[2]]);
    expect(page2.body.nextCursor).toBe('');
    const ranged = await api(`/api/v1/credit-records?subjectId=${subject.id}&from=${daysAgo(2)}&to=${daysAgo(1)}`);
    expect((ranged.body.records as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(0, 2));
    const province = await api(`/api/v1/credit-records?subjectId=${subject.id}`, { token: henan });
    expect((province.body.records as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining([...ids, luoyangRecord]));
    const badRange = await api(`/api/v1/credit-records?from=${daysAgo(1)}&to=${daysAgo(5)}`);
    expect({ status: badRange.status, field: badRange.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'from' });
    const tooMany = await api(`/api/v1/credit-records?limit=201`);
    expect({ status: tooMany.status, field: tooMany.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'limit' });
    const badCursor = await api(`/api/v1/credit-records?cursor=made-up`);
    expect({ status: badCursor.status, code: badCursor.body.code }).toEqual({ status: 400, code: 'REQUEST.INVALID_CURSOR' });
  });

  it('pushes monitoring violations to the enterprise, which claims and disposes of them once each', async () => {
    const enterprise = { kind: 'org', id: makeUscc(), name: '郑州监控运输有限公司' };
    // The factory deep-merges payloads; a monitoring violation replaces the penalty payload whole.
    const violation = (n: number) => ({
      ...creditRecordBody({ recordType: 'monitoring-violation', subject: enterprise, documentNumber: `ALARM-${Date.now()}-${n}` }),
      payload: {
        violationCode: 'fatigue-driving',
        occurredAt: `${daysAgo(1)}T03:00:00+08:00`,
        plate: '豫A12345',
        plateColour: 'yellow',
        platform: '河南省综合交通运输管理服务平台',
      },
    });
    const [a, b] = [await submit(violation(1)), await submit(violation(2))];
    const unclaimed = await api(`/api/v1/monitoring-violations?subjectId=${enterprise.id}&state=unclaimed`);
    expect((unclaimed.body.violations as { recordId: string; violationCode: string }[]).map((v) => [v.recordId, v.violationCode]).sort()).toEqual(
      [
        [a, 'fatigue-driving'],
        [b, 'fatigue-driving'],
      ].sort(),
    );
    const disposeFirst = await api(`/api/v1/monitoring-violations/${a}/disposal`, { method: 'POST', body: { disposal: '已教育驾驶员' } });
    expect({ status: disposeFirst.status, code: disposeFirst.body.code }).toEqual({ status: 409, code: 'VIOLATION.NOT_CLAIMED' });
    expect((await api(`/api/v1/monitoring-violations/${a}/claim`, { method: 'POST', body: { claimant: '安全员张三' } })).body).toMatchObject({
      state: 'claimed',
      claimant: '安全员张三',
    });
    const nobody = await api(`/api/v1/monitoring-violations/${b}/claim`, { method: 'POST', body: { claimant: '' } });
    expect({ status: nobody.status, field: nobody.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'claimant' });
    const twice = await api(`/api/v1/monitoring-violations/${a}/claim`, { method: 'POST', body: { claimant: '安全员李四' } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'VIOLATION.ALREADY_CLAIMED' });
    expect((await api(`/api/v1/monitoring-violations/${a}/disposal`, { method: 'POST', body: { disposal: '已对驾驶员进行安全教育' } })).body).toMatchObject({
      state: 'disposed',
    });
    const penalty = await submit(creditRecordBody());
    const notAViolation = await api(`/api/v1/monitoring-violations/${penalty}/claim`, { method: 'POST', body: { claimant: '某人' } });
    expect({ status: notAViolation.status, code: notAViolation.body.code }).toEqual({ status: 409, code: 'VIOLATION.NOT_A_MONITORING_VIOLATION' });
    const disposed = await api(`/api/v1/monitoring-violations?subjectId=${enterprise.id}&state=disposed`);
    expect((disposed.body.violations as { recordId: string }[]).map((v) => v.recordId)).toEqual([a]);
  });

  it('reports timeliness, rejections, duplicates, objections and claims per source unit', async () => {
    // Luoyang's unit has one on-time record from the list test; its row is otherwise made here.
    const onTime = creditRecordBody({ region: '410300', decisionDate: daysAgo(1) });
    await submit(onTime, luoyang);
    await submit(creditRecordBody({ region: '410300', decisionDate: daysAgo(40) }), luoyang);
    const refused = await api('/api/v1/credit-records', {
      method: 'POST',
      body: creditRecordBody({ region: '410300', subject: { id: '91350100M000100Y44' } }),
      token: luoyang,
    });
    expect(refused.status).toBe(400);
    const duplicate = await api('/api/v1/credit-records', { method: 'POST', body: { ...onTime, sourceRecordId: 'another-source-id' }, token: luoyang });
    expect(duplicate.status).toBe(409);
    const overdue = await submit(creditRecordBody({ region: '410300' }), luoyang);
    const opened = await api(`/api/v1/credit-records/${overdue}/objections`, { method: 'POST', body: objection, token: luoyang });
    // Time is moved by data: the objection was due yesterday.
    await platform.db.query(`UPDATE collection.objections SET due_on = $2 WHERE id = $1`, [opened.body.id, daysAgo(1)]);
    expect((await api(`/api/v1/objections/${opened.body.id}`, { token: luoyang })).body).toMatchObject({ overdue: true });

    const report = await api(`/api/v1/reports/collection-quality?region=410300&month=${chinaMonth()}`, { token: henan });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ region: '410300', month: chinaMonth(), timelinessWorkingDays: 7 });
    expect(report.body.units).toEqual([
      expect.objectContaining({
        sourceClientId: 'luoyang',
        received: 4,
        timelinessDue: 4,
        onTime: 3,
        late: 1,
        onTimeRate: 0.75,
        rejected: 1,
        duplicates: 1,
        objectionsOpened: 1,
        objectionsOpen: 1,
        objectionsOverdue: 1,
      }),
    ]);
    const outside = await api(`/api/v1/reports/collection-quality?region=410300`, { token: zhengzhou });
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    const badMonth = await api(`/api/v1/reports/collection-quality?month=2026-13`);
    expect({ status: badMonth.status, field: badMonth.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'month' });
    const zz = await api(`/api/v1/reports/collection-quality`);
    const zzUnit = (zz.body.units as { sourceClientId: string; monitoringViolations: number; claimed: number; disposed: number; claimRate: number }[]).find(
      (u) => u.sourceClientId === 'zhengzhou',
    );
    expect(zzUnit).toMatchObject({ monitoringViolations: 2, claimed: 1, disposed: 1, claimRate: 0.5 });
  });
});
