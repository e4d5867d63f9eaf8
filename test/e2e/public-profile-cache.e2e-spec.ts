import { CreditRecordUpdatedV1, Events } from '@contracts';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { creditRecordUpdatedEvent, TEST_NATS_URL } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Item {
  documentNumber: string;
  publicationId: string;
}
interface Profile {
  name?: string;
  penalties?: Item[];
}

/**
 * Disclosure issue, item 6: the gateway caches public profiles, yet a revoked or repaired penalty
 * vanishes within seconds — not at cache expiry. The cache's backstop TTL is set to five minutes
 * here, far beyond every wait in this file, so only disclosure's change notification can make
 * the items disappear.
 */
describe('public profile cache', () => {
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { GATEWAY_PROFILE_CACHE_TTL_MS: '300000' });
    token = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const submit = async (body: ReturnType<typeof creditRecordBody>) => {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const profile = (uscc: string) => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
  const documents = (p: Profile) => (p.penalties ?? []).map((i) => i.documentNumber).sort();
  const logged = (publicationId: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/publication-log/items/${publicationId}`).then(
      async (r) => ((await r.json()) as { entries: { event: string; content: { reason?: string } }[] }).entries,
    );

  it('serves the cached profile with an ETag and answers 304 while nothing changed', async () => {
    const body = creditRecordBody();
    await submit(body);
    await eventually(
      () => profile(body.subject.id),
      (p) => documents(p).length === 1,
    );
    const first = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${body.subject.id.toLowerCase()}`);
    const etag = first.headers.get('etag');
    expect({ status: first.status, cacheControl: first.headers.get('cache-control'), etag }).toEqual({
      status: 200,
      cacheControl: 'no-cache',
      etag: expect.stringMatching(/^".+"$/),
    });
    const again = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${body.subject.id}`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    // Bad input is still disclosure's answer, never cached as a profile.
    const malformed = await fetch(`${platform.gatewayUrl}/public/v1/subjects/not-a-uscc`);
    expect({ status: malformed.status, code: ((await malformed.json()) as { code: string }).code }).toEqual({ status: 400, code: 'PUBLIC.INVALID_USCC' });
  }, 60_000);

  it('drops a revoked penalty from the cached profile at once, and a new one appears at once', async () => {
    const uscc = makeUscc();
    const subject = { kind: 'org', id: uscc, name: '郑州缓存测试运输有限公司' };
    const kept = creditRecordBody({ subject });
    const revoked = creditRecordBody({ subject });
    await submit(kept);
    const revokedId = await submit(revoked);
    const before = await eventually(
      () => profile(uscc),
      (p) => documents(p).length === 2,
    );
    expect(documents(before)).toEqual([kept.documentNumber, revoked.documentNumber].sort());
    const etag = (await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`)).headers.get('etag') ?? '';

    const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records/${revokedId}/revocation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '处罚决定已被依法撤销' }),
    });
    expect(response.status).toBe(200);
    expect(
      documents(
        await eventually(
          () => profile(uscc),
          (p) => documents(p).length === 1,
        ),
      ),
    ).toEqual([kept.documentNumber]);
    // The old ETag no longer matches: a browser revalidating gets the new profile.
    expect((await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`, { headers: { 'if-none-match': etag } })).status).toBe(200);

    const added = creditRecordBody({ subject });
    await submit(added);
    expect(
      documents(
        await eventually(
          () => profile(uscc),
          (p) => documents(p).length === 2,
        ),
      ),
    ).toEqual([kept.documentNumber, added.documentNumber].sort());
  }, 60_000);

  it('withdraws a repaired penalty (credit.records.updated, status repaired) from profile, search and cache, logged with reason repair', async () => {
    const uscc = makeUscc();
    const subject = { kind: 'org' as const, id: uscc, name: '郑州信用修复测试运输有限公司' };
    const penalty = creditRecordBody({ subject });
    const recordId = await submit(penalty);
    const shown = await eventually(
      () => profile(uscc),
      (p) => documents(p).length === 1,
    );
    const { publicationId } = shown.penalties?.[0] ?? { publicationId: '' };

    // Collection announces the repair it recorded (its part is built in parallel): the event as it will publish it.
    const handles = await connectJetStream(TEST_NATS_URL, 'e2e-repair');
    try {
      const now = new Date().toISOString();
      // Repaired, version 2, changed by system:repair (creditRecordUpdatedEvent's defaults).
      const envelope = creditRecordUpdatedEvent.envelope({
        occurredAt: now,
        region: penalty.region,
        data: {
          recordId,
          recordType: penalty.recordType,
          subject,
          region: penalty.region,
          severity: penalty.severity as CreditRecordUpdatedV1['severity'],
          decisionDate: penalty.decisionDate,
          documentNumber: penalty.documentNumber,
          changedAt: now,
        },
      });
      await handles.js.publish(new MessagingNamespace(platform.natsPrefix).subject(Events.CreditRecordUpdated.subject), JSON.stringify(envelope), {
        msgID: envelope.id,
      });
    } finally {
      await handles.nc.close();
    }

    expect(
      documents(
        await eventually(
          () => profile(uscc),
          (p) => documents(p).length === 0,
        ),
      ),
    ).toEqual([]);
    const search = (await (await fetch(`${platform.gatewayUrl}/public/v1/subjects?q=${uscc}`)).json()) as {
      subjects: { uscc: string; publishedItems: number }[];
    };
    expect(search.subjects).toEqual([expect.objectContaining({ uscc, publishedItems: 0 })]);
    const entries = await eventually(
      () => logged(publicationId),
      (e) => e.length === 2,
    );
    expect(entries.map((e) => [e.event, e.content.reason])).toEqual([
      ['published', undefined],
      ['withdrawn', 'repair'],
    ]);
    expect(((await fetch(`${platform.gatewayUrl}/public/v1/publication-log`).then((r) => r.json())) as { intact: boolean }).intact).toBe(true);
  }, 60_000);
});
