import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Profile {
  penalties?: { documentNumber: string }[];
}
type Body = Record<string, unknown> & {
  code?: string;
  id?: string;
  status?: string;
  errors?: { field: string; message: string }[];
};

/*
 * Revocation of a repair (issue 19 item 8): a repair obtained with a false commitment is revoked
 * by the unit that decided it (谁认定、谁修复: the Zhengzhou bureau's client, region 410100), and
 * everything it ended is restored — the record is back in force and back on the public profile
 * for the rest of its publicity period (general: at most 1 year from the decision date, DOMAIN.md
 * §5) — and the subject may not apply again for REPAIR_REVOCATION_BAR_MONTHS (default 12, a
 * placeholder: the seeds give no period). 超限运输: commitment mode (seed 003 珠海 checklist rule).
 */
describe('repair revocation: approved → gone from public → revoked → back, and the subject barred from applying again', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure', 'repair']);
    zhengzhou = await platform.token('zhengzhou');
    luoyang = await platform.token('luoyang');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );
  const published = (uscc: string, documentNumber: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`)
      .then(async (r) => (r.ok ? ((await r.json()) as Profile) : ({} as Profile)))
      .then((p) => (p.penalties ?? []).some((i) => i.documentNumber === documentNumber));
  const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';
  const REVOCATION = '经核查，罚款未缴清，信用承诺不实，撤销信用修复决定';

  async function approvedRepair(uscc: string) {
    const body = creditRecordBody({
      subject: { kind: 'org', id: uscc, name: '郑州撤销修复测试运输有限公司' },
      severity: 'general',
      decisionDate: addMonths(today, -4),
    });
    body.payload = { ...body.payload, violationType: '超限运输' };
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    const recordId = created.body.id as string;
    await eventually(() => published(uscc, body.documentNumber), Boolean, 30_000);
    const filed = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    const applicationId = filed.body.id as string;
    const approved = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '同意信用修复' },
    });
    expect(approved.status).toBe(200);
    await eventually(
      () => published(uscc, body.documentNumber),
      (shown) => !shown,
      30_000,
    );
    return { recordId, applicationId, documentNumber: body.documentNumber };
  }

  it('the deciding unit revokes: the record is back in force and back on the public profile; the subject may not apply again', async () => {
    const uscc = makeUscc('410100');
    const { recordId, applicationId, documentNumber } = await approvedRepair(uscc);
    expect((await api(`/api/v1/credit-records/${recordId}`)).body.status).toBe('repaired');

    const foreign = await api(`/api/v1/repair-applications/${applicationId}/revocation`, { method: 'POST', token: luoyang, body: { reason: REVOCATION } });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'REPAIR.NOT_DECIDING_AUTHORITY' });
    const noReason = await api(`/api/v1/repair-applications/${applicationId}/revocation`, { method: 'POST', body: { reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    const revoked = await api(`/api/v1/repair-applications/${applicationId}/revocation`, { method: 'POST', body: { reason: REVOCATION } });
    expect(revoked.status).toBe(200);
    // The bar: 12 months (placeholder) from today, the day of the revocation.
    const barredUntil = addMonths(today, 12);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      decision: { outcome: 'approved' },
      revocation: { reason: REVOCATION, revokedBy: 'zhengzhou', reapplyBarredUntil: barredUntil },
    });

    // Everything the repair ended is restored: collection's record back in force, disclosure shows it again.
    await eventually(() => published(uscc, documentNumber), Boolean, 30_000);
    const record = await api(`/api/v1/credit-records/${recordId}`);
    expect(record.body.status).toBe('active');

    const revokedQueue = (await api('/api/v1/repair-applications?status=revoked')).body as { items?: { id: string }[] };
    expect(revokedQueue.items?.map((a) => a.id)).toEqual([applicationId]);

    const twice = await api(`/api/v1/repair-applications/${applicationId}/revocation`, { method: 'POST', body: { reason: REVOCATION } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'REPAIR.NOT_REVOCABLE' });

    // Applying again (once repair's copy of the record is back in force) is refused until the bar ends.
    const again = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } }),
      (r) => r.body.code !== 'REPAIR.ALREADY_REPAIRED',
      30_000,
    );
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 422, code: 'REPAIR.REAPPLY_BARRED' });
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'target', message: expect.stringContaining(addDays(barredUntil, 1)) })]);
  }, 120_000);

  it('a pending application cannot be revoked (409), nor an unknown one (404); nothing changes', async () => {
    const uscc = makeUscc('410100');
    const body = creditRecordBody({
      subject: { kind: 'org', id: uscc, name: '郑州撤销修复测试运输有限公司' },
      severity: 'general',
      decisionDate: addMonths(today, -5),
    });
    body.payload = { ...body.payload, violationType: '超限运输' };
    const recordId = (await api('/api/v1/credit-records', { method: 'POST', body })).body.id as string;
    const filed = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    const pending = await api(`/api/v1/repair-applications/${filed.body.id as string}/revocation`, { method: 'POST', body: { reason: REVOCATION } });
    expect({ status: pending.status, code: pending.body.code }).toEqual({ status: 409, code: 'REPAIR.NOT_REVOCABLE' });
    const missing = await api('/api/v1/repair-applications/00000000-0000-4000-8000-000000000000/revocation', { method: 'POST', body: { reason: REVOCATION } });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'REPAIR.APPLICATION_NOT_FOUND' });
    const queue = await api('/api/v1/repair-applications?status=pending');
    expect((queue.body as { items?: { id: string }[] }).items?.map((a) => a.id)).toContain(filed.body.id);
  }, 90_000);

  it("the month's figures per deciding unit (issue 19 item 10): this file's two applications, one approved (later revoked) the same day", async () => {
    const month = today.slice(0, 7);
    const report = await api(`/api/v1/reports/repairs?month=${month}`);
    expect(report.status).toBe(200);
    // Filed and decided the same day: 0 working days to the decision; the pending one is due in
    // REPAIR_DECISION_WORKING_DAYS working days, so nothing is overdue yet.
    expect(report.body).toEqual({
      region: '410100',
      month,
      units: [{ decidingRegion: '410100', applications: 2, approved: 1, rejected: 0, overdue: 0, medianWorkingDaysToDecision: 0 }],
    });
    const foreign = await api(`/api/v1/reports/repairs?region=410100&month=${month}`, { token: luoyang });
    expect(foreign.status).toBe(403);
    const badMonth = await api('/api/v1/reports/repairs?month=2026-13');
    expect(badMonth.status).toBe(400);
  }, 30_000);
});
