import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { EventEnvelope, Events, INTEGRATION_EVENTS, LicenceExpiringV1 } from '@contracts';
import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { TEST_NATS_URL } from '@platform/testing';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Reminder extends LicenceExpiringV1 {
  position: string;
}
interface Feed {
  reminders?: Reminder[];
  nextCursor?: string;
  code?: string;
}

/**
 * Issue 16: the proactive renewal reminder (seed 002 案例4 焦作「许可证到期预警提示」: 对经营许可证逾期…
 * 提前1个月发出警示，每日将相关数据明细发给各辖区，通知相关企业; 案例1: 对企业经营许可证即将到期…提醒警示)
 * reaches integrators in two forms: a feed they poll through the gateway, with a cursor that
 * never misses nor repeats a reminder, and the `credit.records.licence-expiring` event they
 * subscribe to. The window is configuration: LICENCE_WARNING_RULES, shipped as one month ahead
 * for Henan (Jiaozuo's practice), so a licence ending in 20 days is in it.
 */
describe('licence renewal reminders: a pollable feed and the event', () => {
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

  const api = gatewayApi<Feed>(
    () => platform,
    () => zhengzhou,
  );

  const licence = (validUntil: string) => ({
    recordType: 'administrative-licence',
    subject: { kind: 'org', id: makeUscc(), name: '郑州续证提醒运输有限公司' },
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

  it('shows a licence ending within the window once in the feed, and publishes it once as the event', async () => {
    // The event is declared an integration event (no platform service consumes it) with this feed as its pull form.
    expect(INTEGRATION_EVENTS).toContainEqual({ event: Events.LicenceExpiring, pullForm: 'GET /api/v1/licences/reminders' });
    // An integrator's durable subscription to the push form, made before anything is announced.
    const ns = new MessagingNamespace(platform.natsPrefix);
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-integrator');
    const durable = `e2e-integrator-${randomUUID().slice(0, 8)}`;
    await handles.jsm.consumers.add(ns.stream(Events.LicenceExpiring.stream), {
      durable_name: durable,
      filter_subject: ns.subject(Events.LicenceExpiring.subject),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    try {
      const soon = licence(addDays(today, 20));
      const later = licence(addDays(today, 200));
      for (const body of [soon, later]) expect((await api('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);

      // Poll as an integrator would: from the start, then always from the last cursor.
      const seen: Reminder[] = [];
      let cursor = '';
      const poll = async () => {
        const page = await api(`/api/v1/licences/reminders?limit=2${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...(page.body.reminders ?? []));
        cursor = page.body.nextCursor ?? cursor;
        return seen;
      };
      await eventually(poll, (all) => all.some((r) => r.subject.id === soon.subject.id), 30_000);
      // More passes of the job and more polls: nothing new about this licence, nothing repeated.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await poll();
      await poll();
      const mine = seen.filter((r) => r.subject.id === soon.subject.id);
      expect(mine).toHaveLength(1);
      expect(new Set(seen.map((r) => r.position)).size).toBe(seen.length);
      expect(seen.map((r) => r.subject.id)).not.toContain(later.subject.id);
      expect(mine[0]).toMatchObject({
        subject: { kind: 'org', id: soon.subject.id, name: soon.subject.name },
        region: '410100',
        licenceName: '道路运输经营许可证',
        licenceNumber: soon.payload.licenceNumber,
        validUntil: soon.payload.validUntil,
        daysLeft: 20,
        sourceClientId: 'zhengzhou',
        warningBasis: expect.stringContaining('焦作'),
      });

      // The push form: the same reminder, once.
      const consumer = await handles.js.consumers.get(ns.stream(Events.LicenceExpiring.stream), durable);
      const events: EventEnvelope<LicenceExpiringV1>[] = [];
      const batch = await consumer.fetch({ max_messages: 100, expires: 2_000 });
      for await (const message of batch) {
        events.push(message.json<EventEnvelope<LicenceExpiringV1>>());
        message.ack();
      }
      const pushed = events.filter((e) => e.data.subject.id === soon.subject.id);
      expect(pushed).toHaveLength(1);
      const { position: _position, ...pulled } = mine[0];
      expect(pushed[0].data).toEqual(pulled);

      // Region-scoped like every read; a cursor the API did not give is a 400.
      const luoyang = await platform.token('luoyang');
      const elsewhere = await api('/api/v1/licences/reminders?limit=500', { token: luoyang });
      expect(elsewhere.status).toBe(200);
      expect((elsewhere.body.reminders ?? []).map((r) => r.subject.id)).not.toContain(soon.subject.id);
      expect((await api('/api/v1/licences/reminders?region=410300')).status).toBe(403);
      expect(await api('/api/v1/licences/reminders?after=not-a-cursor').then((r) => [r.status, r.body.code])).toEqual([400, 'LICENCE.INVALID_QUERY']);
    } finally {
      await handles.jsm.consumers.delete(ns.stream(Events.LicenceExpiring.stream), durable).catch(() => undefined);
      await handles.nc.close();
    }
  }, 90_000);
});
