import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { decode, verify, type JwtPayload } from 'jsonwebtoken';
import { daysAgo } from '@platform/testing';
import { makeUscc } from '../support/factories';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

interface Page extends JwtPayload {
  since: string;
  next: string;
  head: string;
  changes: { id: string; position: string; type: string; entry: { id: string; origin: string } }[];
}

/**
 * Issue 20 item 2: "GET /exchange/v1/changes?since= — cursor-based, ordered, resumable, each page
 * signed (JWS, the keys published in a JWKS the partner configures)"; bad input: "a cursor from the
 * future" is refused with a code. The receiver's side is checked as a partner would: the page's
 * signature against /.well-known/jwks.json, its audience being the partner.
 */
describe('the signed change feed (issue 20)', () => {
  let platform: RunningPlatform;
  let hubei: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    hubei = await platform.token('hubei-partner');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const changes = (since?: string) =>
    fetch(`${platform.gatewayUrl}/exchange/v1/changes${since === undefined ? '' : `?since=${encodeURIComponent(since)}`}`, {
      headers: { authorization: `Bearer ${hubei}` },
    });
  async function verifiedPage(since?: string): Promise<Page> {
    const response = await changes(since);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jose/);
    const jws = await response.text();
    const { keys } = (await (await fetch(`${platform.gatewayUrl}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const kid = (decode(jws, { complete: true })?.header.kid ?? '') as string;
    const jwk = keys.find((k) => k.kid === kid);
    expect(jwk).toBeDefined();
    return verify(jws, createPublicKey({ key: jwk!, format: 'jwk' }), { algorithms: ['ES256'], audience: 'exchange:420000' }) as Page;
  }

  it('pages are signed with a published key for this partner, resumable from `next`, and never echo what the partner sent', async () => {
    const first = await verifiedPage();
    expect(first).toMatchObject({ since: 'c1.0', jti: expect.any(String), exp: expect.any(Number) });
    // Hubei sends an entry; it must not come back to Hubei as ours.
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' };
    const sent = await fetch(`${platform.gatewayUrl}/exchange/v1/list-entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hubei}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        listType: 'key-watch',
        subject,
        provenance: { partnerRegion: '420000', partnerName: '湖北省交通运输厅', sourceReference: `鄂交信-${subject.id.slice(8, 14)}`, decidedOn: daysAgo(5) },
        startsOn: daysAgo(4),
      }),
    });
    expect(sent.status).toBe(201);
    let page = first;
    const seen: string[] = [];
    // Follow `next` to the head: each page starts where the last ended.
    for (let i = 0; i < 100 && (i === 0 || page.next !== page.since); i++) {
      page = await verifiedPage(page.next);
      seen.push(...page.changes.map((c) => c.id));
    }
    expect(page.next).toBe(page.head);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((id) => id.includes((sent.headers.get('location') ?? '').split('/').pop() ?? '-'))).toBe(false);
  }, 60_000);

  it('refuses a garbage cursor and a cursor from the future with a code and the field', async () => {
    const head = (await verifiedPage()).head;
    const ahead = `c1.${BigInt(head.slice(3)) + 1000n}`;
    for (const [since, code] of [
      ['not-a-cursor', 'EXCHANGE.CURSOR_INVALID'],
      [ahead, 'EXCHANGE.CURSOR_AHEAD'],
    ]) {
      const r = await changes(since);
      const body = (await r.json()) as { code: string; errors: { field: string }[] };
      expect({ status: r.status, type: r.headers.get('content-type')?.split(';')[0], code: body.code, field: body.errors[0]?.field }).toEqual({
        status: 400,
        type: 'application/problem+json',
        code,
        field: 'since',
      });
    }
  }, 30_000);

  it('a page is no access token: its audience is the partner, so the API refuses it', async () => {
    const jws = await (await changes()).text();
    const r = await fetch(`${platform.gatewayUrl}/exchange/v1/changes`, { headers: { authorization: `Bearer ${jws}` } });
    expect(r.status).toBe(401);
  }, 30_000);
});
