import { randomUUID } from 'node:crypto';
import { Events } from '@contracts';
import { connectJetStream, JetStreamHandles, MessagingNamespace } from '@platform/messaging';
import { repairRecordRepairedEvent, repairRecordRepairRevokedEvent, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * A repair approved by the repair service (`repair.records.repaired`) ends a record's publicity
 * early: collection appends a `repaired` version and announces it as `credit.records.updated`.
 * The repair service is played here by publishing its event on JetStream.
 */
describe('record repairs: repair.records.repaired → a repaired version and credit.records.updated', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let nats: JetStreamHandles;
  let ns: MessagingNamespace;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection']);
    zhengzhou = await platform.token('zhengzhou');
    nats = await connectJetStream(TEST_NATS_URL, 'e2e-repair-service');
    ns = new MessagingNamespace(platform.natsPrefix);
  }, 120_000);

  afterAll(async () => {
    await nats?.nc.close();
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { status?: string; history?: { version: number; status: string; change: string; changedBy: string; reason: string }[] };
  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );

  const submit = async () => {
    const body = creditRecordBody();
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, uscc: body.subject.id };
  };

  const publishRepair = async (recordId: string, subjectId: string, applicationId = `RA-${randomUUID().slice(0, 8)}`) => {
    const decidedAt = new Date().toISOString();
    const envelope = repairRecordRepairedEvent.envelope({
      occurredAt: decidedAt,
      data: { applicationId, recordId, subject: { kind: 'org', id: subjectId }, decidedAt },
    });
    await nats.js.publish(ns.subject(Events.RepairRecordRepaired.subject), JSON.stringify(envelope), { msgID: envelope.id });
    return applicationId;
  };

  /** The repair service revokes the repair (issue 19 item 8: a false commitment). */
  const publishRevocation = async (recordId: string, subjectId: string, applicationId: string) => {
    const envelope = repairRecordRepairRevokedEvent.envelope({ data: { applicationId, recordId, subject: { kind: 'org', id: subjectId } } });
    await nats.js.publish(ns.subject(Events.RepairRecordRepairRevoked.subject), JSON.stringify(envelope), { msgID: envelope.id });
  };

  const updates = (recordId: string) =>
    platform.db.query<{ status: string; change: string }>(
      `SELECT envelope->'data'->>'status' AS status, envelope->'data'->>'change' AS change FROM collection.outbox WHERE subject = 'credit.records.updated' AND envelope->'data'->>'recordId' = $1 ORDER BY seq`,
      [recordId],
    );

  it('appends a repaired version naming the application, announces it once, and ignores the same repair sent again', async () => {
    const { id, uscc } = await submit();
    const applicationId = await publishRepair(id, uscc);
    const repaired = await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'repaired',
    );
    expect(repaired.body.status).toBe('repaired');
    expect(repaired.body.history?.at(-1)).toMatchObject({ version: 2, status: 'repaired', change: 'repaired', changedBy: 'henan-credit-office' });
    expect(repaired.body.history?.at(-1)?.reason).toContain(applicationId);
    expect(await updates(id)).toEqual([{ status: 'repaired', change: 'repaired' }]);

    // The repair service retries with a new event id (e.g. after a crash): nothing changes.
    await publishRepair(id, uscc, applicationId);
    const marker = await submit();
    await publishRepair(marker.id, marker.uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${marker.id}`),
      (r) => r.body.status === 'repaired',
    );
    expect((await api(`/api/v1/credit-records/${id}`)).body.history).toHaveLength(2);
    expect(await updates(id)).toHaveLength(1);
  }, 30_000);

  it('keeps a record repaired while under objection when the objection is later rejected', async () => {
    const { id, uscc } = await submit();
    const opened = await api(`/api/v1/credit-records/${id}/objections`, {
      method: 'POST',
      body: { reason: '处罚决定书文号有误', objector: { name: '郑州测试运输有限公司', contact: '0371-12345678' } },
    });
    expect(opened.status).toBe(201);
    await publishRepair(id, uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'repaired',
    );
    const rejected = await api(`/api/v1/objections/${opened.body.id}/resolution`, { method: 'POST', body: { outcome: 'rejected', note: '经核实，记录无误' } });
    expect(rejected.status).toBe(200);
    expect((await api(`/api/v1/credit-records/${id}`)).body.status).toBe('repaired');
  }, 30_000);

  it('dead-letters a repair naming a record that does not exist, with the reason', async () => {
    const deadLetters = nats.nc.subscribe(ns.deadLetterSubject('collection-repairs'));
    const missing = randomUUID();
    await publishRepair(missing, '91410100MA3X000109');
    const iterator = deadLetters[Symbol.asyncIterator]();
    const letter = await Promise.race([iterator.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no dead letter')), 15_000))]);
    expect(letter.value.headers?.get('Dead-Letter-Reason')).toContain(`unknown record ${missing}`);
    deadLetters.unsubscribe();
  }, 30_000);

  it("dead-letters a repair that names another subject than the record's, and leaves the record as it was", async () => {
    const { id } = await submit();
    const deadLetters = nats.nc.subscribe(ns.deadLetterSubject('collection-repairs'));
    await publishRepair(id, '91410100MA3X000109');
    const iterator = deadLetters[Symbol.asyncIterator]();
    const letter = await Promise.race([iterator.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no dead letter')), 15_000))]);
    expect(letter.value.headers?.get('Dead-Letter-Reason')).toContain(`but record ${id} is about`);
    deadLetters.unsubscribe();
    expect((await api(`/api/v1/credit-records/${id}`)).body.status).toBe('active');
  }, 30_000);

  it('leaves a revoked record revoked when a repair for it arrives (nothing public to end)', async () => {
    const { id, uscc } = await submit();
    const revoked = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '决定书已撤销' } });
    expect(revoked.status).toBe(200);
    await publishRepair(id, uscc);
    const marker = await submit();
    await publishRepair(marker.id, marker.uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${marker.id}`),
      (r) => r.body.status === 'repaired',
    );
    const record = await api(`/api/v1/credit-records/${id}`);
    expect(record.body.status).toBe('revoked');
    expect(await updates(id)).toEqual([]);
  }, 30_000);

  it('a revoked repair puts the record back in force: a repair-revoked version with the status before the repair, announced once', async () => {
    const { id, uscc } = await submit();
    const applicationId = await publishRepair(id, uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'repaired',
    );
    await publishRevocation(id, uscc, applicationId);
    const restored = await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status !== 'repaired',
    );
    expect(restored.body.status).toBe('active');
    expect(restored.body.history?.at(-1)).toMatchObject({ version: 3, status: 'active', change: 'repair-revoked', changedBy: 'henan-credit-office' });
    expect(restored.body.history?.at(-1)?.reason).toContain(applicationId);
    expect(await updates(id)).toEqual([
      { status: 'repaired', change: 'repaired' },
      { status: 'active', change: 'repair-revoked' },
    ]);

    // Sent again: the record is no longer repaired, nothing changes.
    await publishRevocation(id, uscc, applicationId);
    const marker = await submit();
    await publishRepair(marker.id, marker.uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${marker.id}`),
      (r) => r.body.status === 'repaired',
    );
    expect(await updates(id)).toHaveLength(2);
  }, 30_000);

  it('a revoked repair of a record under objection returns it under objection; rejecting the objection then returns it to active', async () => {
    const { id, uscc } = await submit();
    const opened = await api(`/api/v1/credit-records/${id}/objections`, {
      method: 'POST',
      body: { reason: '处罚决定书文号有误', objector: { name: '郑州测试运输有限公司', contact: '0371-12345678' } },
    });
    expect(opened.status).toBe(201);
    const applicationId = await publishRepair(id, uscc);
    await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'repaired',
    );
    await publishRevocation(id, uscc, applicationId);
    await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'under-objection',
    );
    const rejected = await api(`/api/v1/objections/${opened.body.id}/resolution`, { method: 'POST', body: { outcome: 'rejected', note: '经核实，记录无误' } });
    expect(rejected.status).toBe(200);
    expect((await api(`/api/v1/credit-records/${id}`)).body.status).toBe('active');
  }, 30_000);
});
