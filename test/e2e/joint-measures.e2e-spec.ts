import { randomInt } from 'node:crypto';
import { ProtoPackages } from '@contracts';
import { chinaMonth, daysAgo } from '@platform/testing';
import { callUnary } from '../support/grpc-probes';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string };
type Entry = {
  id: string;
  listType: string;
  status: string;
  ruleId: string | null;
  basis: { recordId: string }[];
  grounds: string;
  noticeEndsOn: string;
  inForce: boolean;
};

/** Joint measures issue: records submitted through collection fill the lists by rule; decisions explain themselves. */
describe('joint measures through the gateway: lists and decisions', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  let permitWindow: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    [zhengzhou, luoyang, permitWindow] = await Promise.all([platform.token('zhengzhou'), platform.token('luoyang'), platform.token('permit-window')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  const entriesOf = (subjectId: string) => api(`/api/v1/subjects/${encodeURIComponent(subjectId)}/list-entries`).then((r) => (r.body.entries ?? []) as Entry[]);

  function overloadPenalty(plate: string, decisionDate: string) {
    const body = creditRecordBody();
    return {
      ...body,
      subject: { kind: 'vehicle', id: `${plate}:yellow`, name: plate },
      decisionDate,
      payload: { ...body.payload, violationType: '违法超限运输', facts: '车货总质量超过限定标准' },
    };
  }

  it('proposes a severe-overload entry on the 4th overload of a vehicle in 12 months, and explains it', async () => {
    const plate = `豫A${randomInt(10000, 99999)}`;
    const ids: string[] = [];
    for (const days of [200, 120, 60, 3]) {
      const created = await api('/api/v1/credit-records', { method: 'POST', body: overloadPenalty(plate, daysAgo(days)) });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    // Collection stores the canonical subject id (plate:COLOUR), and so do the lists.
    const [entry] = await eventually(
      () => entriesOf(`${plate}:YELLOW`),
      (e) => e.length === 1,
    );
    expect(entry).toMatchObject({ listType: 'severe-dishonesty', status: 'proposed', ruleId: 'overload-more-than-3-in-12-months', inForce: false });
    expect(entry.basis.map((b) => b.recordId).sort()).toEqual([...ids].sort());
    expect(entry.grounds).toContain('超过3次');

    // Before the prior-notice period ends the entry cannot be confirmed; another city cannot decide it.
    const early = await api(`/api/v1/list-entries/${entry.id}/decision`, { method: 'POST', body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕7号' } });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'LIST_ENTRY.NOTICE_PERIOD_RUNNING' });
    expect(early.body.detail).toContain(entry.noticeEndsOn);
    const foreign = await api(`/api/v1/list-entries/${entry.id}/decision`, { method: 'POST', body: { outcome: 'drop' }, token: luoyang });
    expect(foreign.status).toBe(403);

    // Revoking one of the four leaves three: not "more than 3" any more, so the entry is removed.
    const revoked = await api(`/api/v1/credit-records/${ids[0]}/revocation`, { method: 'POST', body: { reason: '车牌录入错误' } });
    expect(revoked.status).toBe(200);
    const [removed] = await eventually(
      () => entriesOf(`${plate}:YELLOW`),
      (e) => e[0]?.status === 'removed',
    );
    expect(removed).toMatchObject({ id: entry.id, removal: { reason: 'basis-revoked' } });
  });

  it('refuses bad input with clear 4xx answers', async () => {
    const unknownSubject = await api('/api/v1/lists/key-watch/entries', {
      method: 'POST',
      body: { subjectId: makeUscc(), basisRecordIds: ['0190d6a4-0000-7000-8000-000000000000'], grounds: '多次违规' },
    });
    expect({ status: unknownSubject.status, code: unknownSubject.body.code }).toEqual({ status: 404, code: 'LIST_ENTRY.UNKNOWN_SUBJECT' });
    const unknownList = await api('/api/v1/lists/grey/entries', {
      method: 'POST',
      body: { subjectId: makeUscc(), basisRecordIds: ['0190d6a4-0000-7000-8000-000000000000'], grounds: 'x' },
    });
    expect({ status: unknownList.status, code: unknownList.body.code }).toEqual({ status: 400, code: 'LIST_ENTRY.INVALID' });
    const noEntry = await api('/api/v1/list-entries/not-an-id/decision', { method: 'POST', body: { outcome: 'drop' } });
    expect({ status: noEntry.status, code: noEntry.body.code }).toEqual({ status: 404, code: 'LIST_ENTRY.NOT_FOUND' });
    const badOutcome = await api('/api/v1/list-entries/0190d6a4-0000-7000-8000-000000000000/decision', { method: 'POST', body: { outcome: 'maybe' } });
    expect(badOutcome.status).toBe(400);
    const uploadWithoutAdmin = await api('/api/v1/entry-rules', { method: 'PUT', body: { rules: [{}] } });
    expect(uploadWithoutAdmin.status).toBe(403);
    const rules = await api('/api/v1/entry-rules');
    expect(rules.body).toMatchObject({
      version: 0,
      rules: expect.arrayContaining([expect.objectContaining({ id: 'overload-more-than-3-in-12-months', threshold: { moreThan: 3 } })]),
    });
  });

  const decide = (body: Record<string, unknown>) => api('/api/v1/measures/decisions', { method: 'POST', body, token: permitWindow });

  it('a carrier found with false materials is proposed for the list and denied permit applications, and the decision says why', async () => {
    const carrier = { kind: 'org', id: makeUscc(), name: '郑州某大件运输有限公司' };
    const finding = {
      ...creditRecordBody(),
      recordType: 'oversize-transport-violation',
      subject: carrier,
      decisionDate: daysAgo(2),
      payload: {
        violationType: 'false-materials',
        permitNumber: '豫超限〔2026〕0099',
        detectedAt: '2026-11-18T10:00:00+08:00',
        detectedBy: 'application-review',
        plate: '豫A9F321',
        plateColour: 'yellow',
      },
    };
    const before = await decide({ subjectId: carrier.id, scene: 'permit.application' });
    expect({ status: before.status, code: before.body.code }).toEqual({ status: 404, code: 'DECISION.UNKNOWN_SUBJECT' });

    const created = await api('/api/v1/credit-records', { method: 'POST', body: finding });
    expect(created.status).toBe(201);
    const [entry] = await eventually(
      () => entriesOf(carrier.id),
      (e) => e.length === 1,
    );
    expect(entry).toMatchObject({ listType: 'severe-dishonesty', status: 'proposed', ruleId: 'false-materials-in-permit-application' });

    const decision = await decide({ subjectId: carrier.id, scene: 'permit.application' });
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({
      outcome: 'deny',
      subjectId: carrier.id,
      scene: 'permit.application',
      region: '410100',
      measures: [
        {
          code: 'permit.application-ban',
          effect: 'deny',
          mappingId: 'national.false-materials.permit-ban',
          legalBasis: expect.stringContaining('交通运输部令2016年第62号'),
        },
      ],
      reasons: [{ kind: 'records', recordType: 'oversize-transport-violation', recordIds: [created.body.id], count: 1 }],
    });
    // "Why was this carrier denied that day?" — the decision is on record with its reasons.
    const [logged] = await platform.db.query<{ outcome: string; reasons: unknown; asked_by: string }>(
      `SELECT outcome, reasons, asked_by FROM joint_measures.decisions WHERE id = $1`,
      [decision.body.decisionId],
    );
    expect(logged).toEqual({ outcome: 'deny', reasons: decision.body.reasons, asked_by: 'permit-window' });

    // The gateway's gRPC twin answers the same question the same way.
    const overGrpc = await callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      'gateway.v1.MeasuresGatewayService',
      'decide',
      { subjectId: carrier.id, scene: 'permit.application' },
      {
        authorization: `Bearer ${permitWindow}`,
      },
    );
    expect(overGrpc).toMatchObject({
      outcome: 'deny',
      measures: [{ code: 'permit.application-ban' }],
      reasons: [{ kind: 'records', recordIds: [created.body.id] }],
    });

    const month = chinaMonth();
    const report = await api(`/api/v1/reports/measures-applied?month=${month}`, { token: permitWindow });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      region: '410100',
      month,
      units: [{ unit: 'permit-window', measures: expect.arrayContaining([expect.objectContaining({ code: 'permit.application-ban', applied: 2 })]) }],
    });

    const unknownScene = await decide({ subjectId: carrier.id, scene: 'parking' });
    expect({ status: unknownScene.status, code: unknownScene.body.code }).toEqual({ status: 400, code: 'DECISION.UNKNOWN_SCENE' });
    const withoutScope = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: carrier.id, scene: 'permit.application' } });
    expect(withoutScope.status).toBe(403);

    // Answered decisions are on record in the decision log (above), so the gateway does not
    // audit them a second time; refused ones never reach that log and are audited (ADR 0035).
    const audited = async () =>
      (await platform.db.query<{ status: number }>(`SELECT status FROM gateway.audit_log WHERE path = '/api/v1/measures/decisions' ORDER BY status`)).map(
        (r) => r.status,
      );
    const deadline = Date.now() + 5_000;
    while (!(await audited()).includes(403) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const statuses = await audited();
    expect(statuses).toEqual(expect.arrayContaining([400, 403]));
    expect(statuses).not.toContain(200);

    // The gateway times every request by route template and status (the latency objectives'
    // histogram, docs/perf.md), answered or refused.
    const metrics = await (await fetch(`http://127.0.0.1:${platform.ports.gateway.http}/metrics`)).text();
    for (const status of [200, 400, 403]) {
      expect(metrics).toMatch(
        new RegExp(`http_server_request_duration_seconds_count\\{[^}]*method="POST",route="/api/v1/measures/decisions",status="${status}"`),
      );
    }
    expect(metrics).toMatch(/http_server_request_duration_seconds_bucket\{(?=[^}]*route="\/api\/v1\/measures\/decisions")(?=[^}]*le="0.0075")/);
  });

  it('draws Jiyuan driving schools by grade ratio through the gateway, reproducibly from the seed', async () => {
    // Grades arrive from evaluation (evaluation.grade.changed, not published yet): seeded here as
    // the grade interface would store them.
    for (let i = 0; i < 8; i += 1) {
      await platform.db.query(
        `INSERT INTO joint_measures.subject_grades (subject_id, subject_kind, scheme_id, cycle, grade, points_deducted, region) VALUES ($1, 'org', 'jiyuan-driving-school', '2026', $2, 0, '419001')`,
        [makeUscc('419001'), ['AAA', 'AA', 'A', 'B'][i % 4]],
      );
    }
    const henan = await platform.token('henan-inspection');
    const draw = (body: unknown) => api('/api/v1/inspections/draws', { method: 'POST', body, token: henan });
    // The plan waits for Jiyuan's scheme (not shipped yet, issue 16): refused naming it, never an empty pool.
    const pending = await draw({ pool: { region: '419001', sector: 'driving-school' } });
    expect({ status: pending.status, code: pending.body.code }).toEqual({ status: 422, code: 'DRAW.PLAN_PENDING' });
    expect(pending.body.detail).toContain('jiyuan-driving-school');
    // Evaluation (not running in this file) announces the scheme: stored as the scheme-published consumer stores it
    // (AAA/AA/A/B, DOMAIN.md §4 Jiyuan); every replica re-reads its plans within a second.
    await platform.db.query(
      `INSERT INTO joint_measures.known_schemes (scheme_id, version, name, ladder_id, grades, sectors, regions, published_at)
       VALUES ('jiyuan-driving-school', 1, '{"zh":"济源驾培机构信用等级","en":"Jiyuan driving schools"}', 'AAA-B', '{AAA,AA,A,B}', '{driving-school}', '{419001}', now())`,
    );
    const first = await eventually(
      () => draw({ pool: { region: '419001', sector: 'driving-school' } }),
      (r) => r.status !== 422,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      planId: 'jiyuan.driving-school',
      algorithm: expect.stringContaining('pure-rand'),
      byGrade: [
        { grade: 'AAA', pool: 2, drawn: 1 },
        { grade: 'AA', pool: 2, drawn: 1 },
        { grade: 'A', pool: 2, drawn: 1 },
        { grade: 'B', pool: 2, drawn: 1 },
      ],
    });
    const rerun = await draw({ pool: { region: '419001', sector: 'driving-school' }, seed: first.body.seed });
    expect(rerun.body.drawn).toEqual(first.body.drawn);
    const noPlan = await draw({ pool: { region: '410100', sector: 'taxi' } });
    expect({ status: noPlan.status, code: noPlan.body.code }).toEqual({ status: 404, code: 'DRAW.NO_PLAN' });
    const badSeed = await draw({ pool: { region: '419001', sector: 'driving-school' }, seed: -1 });
    expect(badSeed.status).toBe(400);
  });

  // Last: it locks joint measures out of this file's database.
  it('answers 503 DECISION.UNAVAILABLE, never allow, when joint measures cannot reach its database', async () => {
    const plate = `豫A${randomInt(10000, 99999)}`;
    const created = await api('/api/v1/credit-records', { method: 'POST', body: overloadPenalty(plate, daysAgo(5)) });
    expect(created.status).toBe(201);
    const subjectId = `${plate}:YELLOW`;
    const allowed = await eventually(
      () => decide({ subjectId, scene: 'permit.application' }),
      (r) => r.status === 200,
    );
    expect(allowed.body.outcome).toBe('allow');

    const db = platform.db;
    await db.query(`REVOKE CONNECT ON DATABASE "${db.name}" FROM PUBLIC`);
    for (const role of ['gateway', 'collection', 'evaluation', 'repair', 'disclosure', 'permits'])
      await db.query(`GRANT CONNECT ON DATABASE "${db.name}" TO "${role}"`);
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'joint_measures'`, [db.name]);

    const refused = await decide({ subjectId, scene: 'permit.application' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 503, code: 'DECISION.UNAVAILABLE' });
    expect(refused.body.outcome).toBeUndefined();
  });
});
