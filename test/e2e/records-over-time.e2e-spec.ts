import { randomUUID } from 'node:crypto';
import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { monitoringViolationEvent, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Collection over time, through the gateway with a demo-like client. Time is driven by data (due
 * dates and decision dates in the past), never by sleeping: the scheduler polls every 300 ms.
 */
describe('records over time: broken commitments, expiring licences, expired publicity, monitoring feed', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection'], { SCHEDULE_POLL_MS: '300' });
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Problem = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Problem>(
    () => platform,
    () => zhengzhou,
  );

  const submit = async (body: unknown) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  // Issue 16: the scheduler's finding is not published; the unit that accepted the commitment
  // confirms it with its own decision document (DOMAIN.md §2: a record carries the decision's
  // document number) or dismisses it. Only a confirmation publishes a commitment-broken record.
  it('finds an overdue unfulfilled commitment for the unit that accepted it; only its confirmation publishes the broken record', async () => {
    const commitmentBody = (content: string) => ({
      recordType: 'credit-commitment',
      subject: { kind: 'org', id: makeUscc(), name: '郑州承诺运输有限公司' },
      region: '410100',
      severity: 'minor',
      decisionDate: addMonths(today, -3),
      documentNumber: `郑交承诺〔2026〕${randomUUID().slice(0, 6)}号`,
      payload: { commitmentType: 'permit-application', content, dueDate: addDays(today, -1), acceptingAuthority: '郑州市交通运输局' },
    });
    const confirmedBody = commitmentBody('承诺所报车辆技术参数真实');
    const dismissedBody = commitmentBody('承诺按期补齐安全员');
    const toConfirm = await submit(confirmedBody);
    const toDismiss = await submit(dismissedBody);
    type Finding = { id: string; commitmentRecordId: string; status: string; subject: { id: string }; dueOn: string; brokenRecordId: string | null };
    const pending = await eventually(
      () => api('/api/v1/commitment-findings?status=pending'),
      (r) => ((r.body.findings as Finding[] | undefined) ?? []).filter((f) => [toConfirm, toDismiss].includes(f.commitmentRecordId)).length === 2,
    );
    const findings = (pending.body.findings as Finding[]).filter((f) => [toConfirm, toDismiss].includes(f.commitmentRecordId));
    const finding = findings.find((f) => f.commitmentRecordId === toConfirm)!;
    expect(finding).toMatchObject({ status: 'pending', subject: { id: confirmedBody.subject.id }, dueOn: addDays(today, -1), brokenRecordId: null });
    // Nothing published yet: no commitment-broken record exists.
    const broken = () =>
      platform.db.query<{ id: string }>(
        `SELECT id FROM collection.credit_records WHERE record_type = 'commitment-broken' AND payload->>'commitmentRecordId' = ANY($1)`,
        [[toConfirm, toDismiss]],
      );
    expect(await broken()).toEqual([]);
    // Another city's unit does not see it.
    const luoyang = await platform.token('luoyang');
    const elsewhere = await api('/api/v1/commitment-findings?status=pending', { token: luoyang });
    expect((elsewhere.body.findings as Finding[]).map((f) => f.id)).not.toContain(finding.id);

    const decision = { documentNumber: `郑交违诺〔2026〕${randomUUID().slice(0, 6)}号`, decisionDate: today };
    const confirmed = await api(`/api/v1/commitment-findings/${finding.id}/confirm`, { method: 'POST', body: decision });
    expect(confirmed.status).toBe(200);
    const recordId = (confirmed.body.finding as Finding).brokenRecordId!;
    expect(confirmed.body.finding).toMatchObject({ status: 'confirmed' });
    const record = await api(`/api/v1/credit-records/${recordId}`);
    expect(record.body).toMatchObject({
      recordType: 'commitment-broken',
      status: 'active',
      sourceClientId: 'zhengzhou',
      subject: { kind: 'org', id: confirmedBody.subject.id },
      documentNumber: decision.documentNumber,
      decisionDate: today,
      payload: { commitmentRecordId: toConfirm, detectedBy: 'automatic-due-date' },
    });
    // Confirming again (a retry) answers the same and publishes nothing more.
    const again = await api(`/api/v1/commitment-findings/${finding.id}/confirm`, { method: 'POST', body: decision });
    expect({ status: again.status, brokenRecordId: (again.body.finding as Finding).brokenRecordId }).toEqual({ status: 200, brokenRecordId: recordId });

    const other = findings.find((f) => f.commitmentRecordId === toDismiss)!;
    const dismissed = await api(`/api/v1/commitment-findings/${other.id}/dismiss`, { method: 'POST', body: { reason: '已于期限内履约，履约材料未及时录入' } });
    expect({ status: dismissed.status, state: (dismissed.body.finding as Finding).status }).toEqual({ status: 200, state: 'dismissed' });
    expect((await broken()).map((r) => r.id)).toEqual([recordId]);

    const bad = await api(`/api/v1/commitment-findings/${other.id}/confirm`, { method: 'POST', body: { documentNumber: '', decisionDate: 'tomorrow' } });
    expect(bad.status).toBe(400);
  });

  it('lists a licence ending within the month, region-scoped, and announces it once', async () => {
    const validUntil = addDays(today, 10);
    const licenceId = await submit({
      recordType: 'administrative-licence',
      subject: { kind: 'org', id: makeUscc(), name: '郑州许可运输有限公司' },
      region: '410100',
      severity: 'minor',
      decisionDate: addMonths(today, -1),
      documentNumber: `郑交运许〔2026〕${randomUUID().slice(0, 6)}号`,
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: `豫交运管许可郑字${randomUUID().slice(0, 6)}`,
        content: '道路普通货物运输',
        validFrom: addMonths(today, -48),
        validUntil,
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    });
    const listed = await eventually(
      () => api('/api/v1/licences/expiring?region=410100'),
      (r) => (r.body.licences as { recordId: string; announced: boolean }[] | undefined)?.some((l) => l.recordId === licenceId && l.announced) ?? false,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.window).toMatchObject({ from: today, until: addMonths(today, 1) });
    expect((listed.body.licences as { recordId: string }[]).find((l) => l.recordId === licenceId)).toMatchObject({
      validUntil,
      daysLeft: 10,
      licenceName: '道路运输经营许可证',
      sourceClientId: 'zhengzhou',
      announced: true,
    });
    const announcements = await platform.db.query(
      `SELECT envelope FROM collection.outbox WHERE subject = 'credit.records.licence-expiring' AND envelope->'data'->>'recordId' = $1`,
      [licenceId],
    );
    expect(announcements).toHaveLength(1);

    const henan = await platform.token('henan');
    const narrow = await api('/api/v1/licences/expiring?within=5', { token: henan });
    expect((narrow.body.licences as { recordId: string }[]).map((l) => l.recordId)).not.toContain(licenceId);
    const otherCity = await api('/api/v1/licences/expiring?region=410300');
    expect({ status: otherCity.status, code: otherCity.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    const badWindow = await api('/api/v1/licences/expiring?within=0');
    expect(badWindow.status).toBe(400);
  });

  it('expires a penalty whose publicity period is over: a new version in its history', async () => {
    // Minor: at most 3 months (国家发展改革委令2025年第36号); decided 4 months ago.
    const id = await submit({ ...creditRecordBody(), severity: 'minor', decisionDate: addMonths(today, -4) });
    const record = await eventually(
      () => api(`/api/v1/credit-records/${id}`),
      (r) => r.body.status === 'expired',
    );
    expect(record.body.status).toBe('expired');
    expect(
      (record.body.history as { version: number; change: string; changedBy: string }[]).map(({ version, change, changedBy }) => ({
        version,
        change,
        changedBy,
      })),
    ).toEqual([
      { version: 1, change: 'created', changedBy: 'zhengzhou' },
      { version: 2, change: 'expired', changedBy: 'system:publicity' },
    ]);
    const events = await platform.db.query(`SELECT subject FROM collection.outbox WHERE envelope->'data'->>'recordId' = $1 ORDER BY seq`, [id]);
    expect(events.map((e) => e.subject)).toEqual(['credit.records.created', 'credit.records.expired']);
  });

  it('stores a violation a monitoring platform publishes on JetStream, readable through the gateway', async () => {
    // The factory's default: fatigue driving of 豫A7C321 today, reported by henan-gps.
    const envelope = monitoringViolationEvent.envelope();
    const { record } = envelope.data;
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-monitoring-platform');
    try {
      await handles.js.publish(new MessagingNamespace(platform.natsPrefix).subject('telemetry.monitoring.violations.410100'), JSON.stringify(envelope));
    } finally {
      await handles.nc.close();
    }
    const rows = await eventually(
      () =>
        platform.db.query<{ id: string }>(
          `SELECT id FROM collection.credit_records WHERE source_client_id = 'monitoring:henan-gps' AND source_record_id = $1`,
          [record.sourceRecordId],
        ),
      (r) => r.length === 1,
    );
    expect(rows).toHaveLength(1);
    const stored = await api(`/api/v1/credit-records/${rows[0].id}`);
    expect(stored.body).toMatchObject({
      recordType: 'monitoring-violation',
      status: 'active',
      subject: { kind: 'vehicle', id: '豫A7C321' },
      payload: { violationCode: 'fatigue-driving' },
    });
  });
});
