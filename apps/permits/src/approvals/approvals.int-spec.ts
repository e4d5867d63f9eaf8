import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { DecideApplicationHandler } from '../applications/application/decide-application.handler';
import { GetApplicationHandler } from '../applications/application/get-application.handler';
import { SubmitApplicationHandler } from '../applications/application/submit-application.handler';
import type { CreditCheckPort } from '../applications/application/credit-check.port';
import { zhengzhouToWuhan } from '../applications/domain/permit-application.fixture';
import { putRegistryCarriers } from '../applications/infrastructure/registry-carriers.repository';
import { permitsDefinition } from '../permits.definition';
import { AnswerApprovalHandler } from './application/answer-approval.handler';
import { EscalateOverdueApprovalsJob } from './application/escalate-overdue-approvals.job';
import { ListPendingApprovalsHandler } from './application/list-pending-approvals.handler';

/*
 * Cross-province parallel approval against real PostgreSQL (issue 18 item 5; DOMAIN.md §7 national
 * parallel permit). Zhengzhou → Wuhan is class II, cross-province: 10 working days, so an application
 * accepted Monday 2025-12-01 has its deadline Monday 2025-12-15 (the calendar's working days).
 */
describe('permits: parallel approval by the provinces on the route (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let submit: SubmitApplicationHandler;
  let get: GetApplicationHandler;
  let decide: DecideApplicationHandler;
  let list: ListPendingApprovalsHandler;
  let answer: AnswerApprovalHandler;
  let escalate: EscalateOverdueApprovalsJob;
  const creditCheck: CreditCheckPort = { check: async () => ({ answered: true, decisionId: 'd-allow', outcome: 'allow', measures: [] }) };
  const window: Principal = { clientId: 'permit-window', kind: 'integrator', scopes: ['permits:write'], region: '410100' };
  const hubei: Principal = { clientId: 'hubei-partner', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '420000' };
  const hunan: Principal = { clientId: 'hunan-partner', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '430000' };
  const monday = new Date('2025-12-01T02:00:00Z');

  /** What the outbox announced about one application (integration events, ADR 0076). */
  async function announced(subject: string, applicationId: string): Promise<Record<string, unknown>[]> {
    const rows = await db.query<{ envelope: { data: Record<string, unknown> } }>(
      `SELECT envelope FROM permits.outbox WHERE subject = $1 AND envelope->'data'->>'applicationId' = $2 ORDER BY seq`,
      [subject, applicationId],
    );
    return rows.map((r) => r.envelope.data);
  }

  async function applied(): Promise<string> {
    const uscc = makeUscc('410100');
    await putRegistryCarriers(dataSource.manager, [
      { uscc, name: '郑州大件运输有限公司', region: '410100', sectors: ['oversize-transport'], active: true, revision: 1, changedAt: new Date().toISOString() },
    ]);
    const { application } = await submit.execute(window, { draft: zhengzhouToWuhan({ carrierUscc: uscc }) }, monday);
    expect(application).toMatchObject({ status: 'accepted', deadline: '2025-12-15' });
    return application.id;
  }

  beforeAll(async () => {
    db = await cloneTestDatabase('permits-approvals');
    dataSource = await db.dataSource(permitsDefinition);
    submit = new SubmitApplicationHandler(dataSource, creditCheck, new WorkingDayCalendar());
    get = new GetApplicationHandler(dataSource);
    decide = new DecideApplicationHandler(dataSource, new OutboxPublisher(permitsDefinition as ServiceDefinition));
    list = new ListPendingApprovalsHandler(dataSource);
    const outbox = new OutboxPublisher(permitsDefinition as ServiceDefinition);
    answer = new AnswerApprovalHandler(dataSource, outbox);
    escalate = new EscalateOverdueApprovalsJob(dataSource, outbox, { PERMIT_APPROVAL_ESCALATION_INTERVAL_MS: 60_000 });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("Hubei reads only its own segments and province's rows; Hunan reads nothing", async () => {
    const id = await applied();
    const pending = (await list.execute(hubei, { state: 'pending' })).find((a) => a.applicationId === id);
    expect(pending).toMatchObject({ province: '420000', originProvince: '410000', permitClass: 'II', deadline: '2025-12-15', overdue: false });
    expect(pending?.segments.map((s) => s.province)).toEqual(['420000']);
    expect((await list.execute(hunan, { state: 'pending' })).map((a) => a.applicationId)).not.toContain(id);
  });

  it('approve → the origin may issue; a second answer is 409 and changes nothing', async () => {
    const id = await applied();
    const view = await answer.execute(hubei, { applicationId: id, decision: 'approve' }, monday);
    expect(view.approvals[1]).toMatchObject({ province: '420000', state: 'approved', answeredAt: monday.toISOString() });
    await expect(answer.execute(hubei, { applicationId: id, decision: 'refuse', reason: '再议' })).rejects.toMatchObject({
      code: 'PERMIT_APPROVAL.ALREADY_ANSWERED',
    });
    const decided = await decide.execute(window, { id, outcome: 'issue' }, monday);
    expect(decided.permit?.route.provinces).toEqual(['410000', '420000']);
    // The answer is announced once (the refused second answer announces nothing).
    expect(await announced('permits.approvals.answered', id)).toEqual([
      {
        applicationId: id,
        acceptingRegion: '410100',
        province: '420000',
        decision: 'approved',
        applicationRefused: false,
        answeredBy: 'hubei-partner',
        answeredAt: monday.toISOString(),
      },
    ]);
  });

  it("refuse → the application is refused with Hubei's reason; the origin cannot issue", async () => {
    const id = await applied();
    await answer.execute(hubei, { applicationId: id, decision: 'refuse', reason: '汉江大桥限载' }, monday);
    expect(await get.execute(window, { id })).toMatchObject({ decision: 'refused', decisionReason: '420000: 汉江大桥限载' });
    expect(await announced('permits.approvals.answered', id)).toEqual([
      expect.objectContaining({ province: '420000', decision: 'refused', reason: '汉江大桥限载', applicationRefused: true }),
    ]);
    await expect(decide.execute(window, { id, outcome: 'issue' }, monday)).rejects.toMatchObject({ code: 'PERMIT_APPLICATION.ALREADY_DECIDED' });
  });

  it('a province not on the route is 403 NOT_ON_ROUTE, the origin itself too; bad input names the field; nothing written', async () => {
    const id = await applied();
    await expect(answer.execute(hunan, { applicationId: id, decision: 'approve' })).rejects.toMatchObject({
      code: 'PERMIT_APPROVAL.NOT_ON_ROUTE',
      kind: 'forbidden',
    });
    const henan: Principal = { ...hubei, region: '410000' };
    await expect(answer.execute(henan, { applicationId: id, decision: 'approve' })).rejects.toMatchObject({ code: 'PERMIT_APPROVAL.NOT_ON_ROUTE' });
    await expect(answer.execute(hubei, { applicationId: id, decision: 'refuse' })).rejects.toMatchObject({
      code: 'PERMIT_APPROVAL.INVALID',
      violations: [{ field: 'reason' }],
    });
    await expect(answer.execute(hubei, { applicationId: 'nope', decision: 'approve' })).rejects.toMatchObject({ violations: [{ field: 'applicationId' }] });
    expect((await get.execute(window, { id })).approvals[1]).toMatchObject({ state: 'pending', answeredAt: null, reason: null });
    expect(await announced('permits.approvals.answered', id)).toEqual([]);
  });

  it('escalation: nothing on the deadline day, the pending province escalated once the day after, shown on read', async () => {
    const id = await applied();
    const approvedId = await applied();
    await answer.execute(hubei, { applicationId: approvedId, decision: 'approve' }, monday);
    expect(await escalate.runOnce(new Date('2025-12-15T10:00:00Z'))).toBe(0);
    expect((await get.execute(window, { id })).approvals[1]).toMatchObject({ overdue: false, escalatedAt: null });

    const dayAfter = new Date('2025-12-16T01:00:00Z');
    expect(await escalate.runOnce(dayAfter)).toBeGreaterThanOrEqual(1);
    expect((await get.execute(window, { id })).approvals[1]).toMatchObject({ state: 'pending', overdue: true, escalatedAt: dayAfter.toISOString() });
    expect((await get.execute(window, { id: approvedId })).approvals[1]).toMatchObject({ state: 'approved', overdue: false, escalatedAt: null });
    // Once: a later pass leaves the first escalation as it was.
    expect(await escalate.runOnce(new Date('2025-12-20T01:00:00Z'))).toBe(0);
    expect((await get.execute(window, { id })).approvals[1].escalatedAt).toBe(dayAfter.toISOString());
    // Announced once, naming the deadline missed (10 working days from Mon 1 Dec 2025: 15 Dec).
    expect(await announced('permits.approvals.escalated', id)).toEqual([
      { applicationId: id, acceptingRegion: '410100', province: '420000', deadline: '2025-12-15', escalatedAt: dayAfter.toISOString() },
    ]);
    expect(await announced('permits.approvals.escalated', approvedId)).toEqual([]);
    expect((await list.execute(hubei, { state: 'pending' })).find((a) => a.applicationId === id)).toMatchObject({ overdue: true });
  });
});
