import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Body = Record<string, unknown> & { code?: string; id?: string; status?: string; items?: Record<string, unknown>[] };

/**
 * Hubei's exchange API as docs/exchange.md "Repair applications" defines it, run in this process:
 * a token endpoint, and POST/GET /exchange/v1/repair-applications. It is down for the first send
 * (503), accepts the second, answers "pending" once, then Hubei's unit approves.
 */
class HubeiExchange {
  readonly received: { method: string; path: string; body: Record<string, unknown> | null; authorization: string }[] = [];
  private server!: Server;
  private sends = 0;
  private checks = 0;

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '';
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method === 'POST' && path === '/api/v1/auth/token') return json(200, { access_token: 'hubei-token', token_type: 'Bearer', expires_in: 300 });
    if (!path.startsWith('/exchange/v1/repair-applications')) return json(503, { code: 'DOWN' });
    this.received.push({
      method: request.method ?? '',
      path,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      authorization: request.headers.authorization ?? '',
    });
    if (request.method === 'POST') {
      this.sends++;
      if (this.sends === 1) return json(503, { code: 'UNAVAILABLE' });
      return json(this.sends === 2 ? 201 : 200, { id: 'hb-ra-1', status: 'pending' });
    }
    this.checks++;
    if (this.checks === 1) return json(200, { id: 'hb-ra-1', status: 'pending' });
    return json(200, {
      id: 'hb-ra-1',
      status: 'approved',
      decision: { outcome: 'approved', reason: '已纠正违法行为，同意信用修复', decidedBy: 'wuhan-traffic', decidedAt: new Date().toISOString() },
    });
  }
}

/*
 * 谁认定、谁修复, sending and answering (issue 19 item 5, ADR 0084): a record Hubei (420000) decided
 * reaches us as its push (ADR 0069). A subject applies here; the application is forwarded, and the
 * gateway sends it to Hubei's exchange API with the client Hubei registered for us (the feed
 * configuration, ADR 0080), retrying while Hubei is down, then asks for the answer until Hubei has
 * decided. Hubei's approval is applied as a local one: the record's repaired version comes back
 * through collection, so a new application is 409 REPAIR.ALREADY_REPAIRED. A general penalty may be
 * repaired once 3 months from its decision date are over (DOMAIN.md §5): four months ago.
 */
describe('exchange: an application about Hubei’s record is sent to Hubei and its approval repairs the record here', () => {
  const hubeiExchange = new HubeiExchange();
  let platform: RunningPlatform;
  let zhengzhou: string;
  let hubei: string;

  beforeAll(async () => {
    const baseUrl = await hubeiExchange.start();
    const dir = mkdtempSync(join(tmpdir(), 'tcp-repair-forward-'));
    writeFileSync(
      join(dir, 'feeds.json'),
      JSON.stringify([
        {
          region: '420000',
          baseUrl,
          jwksUrl: `${baseUrl}/.well-known/jwks.json`,
          issuer: 'hubei-gateway',
          clientId: 'henan-at-hubei',
          clientSecret: 'henan-secret-at-hubei',
          pollIntervalSeconds: 1,
        },
      ]),
    );
    platform = await startPlatform(['gateway', 'collection', 'repair'], { GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE: join(dir, 'feeds.json') });
    zhengzhou = await platform.token('zhengzhou');
    hubei = await platform.token('hubei-partner');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await hubeiExchange.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );
  const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

  it('forwarded, sent after Hubei came back, answered, approved here with Hubei’s reason, and the record repaired', async () => {
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉转办测试运输有限公司' };
    const ours = creditRecordBody({ subject, region: '420100' });
    const sourceReference = `HB-${randomBytes(4).toString('hex')}`;
    const pushed = await api('/exchange/v1/records', {
      method: 'POST',
      token: hubei,
      body: {
        recordType: ours.recordType,
        subject,
        region: '420100',
        severity: 'general',
        decisionDate: addMonths(chinaDateOf(new Date()), -4),
        documentNumber: `鄂交罚〔2026〕${randomBytes(3).toString('hex')}号`,
        payload: { ...ours.payload, violationType: '超限运输', authority: '武汉市交通运输局' },
        provenance: { partnerRegion: '420000', sourceReference },
      },
    });
    expect(pushed.status).toBe(201);
    const recordId = pushed.body.id as string;

    const apply = () => api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } });
    const filed = await eventually(apply, (r) => r.status !== 404, 30_000);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'forwarded', forwardedTo: { region: '420000' } });
    expect(filed.body.decision).toBeUndefined();
    const applicationId = filed.body.id as string;

    const decided = await eventually(
      () => api('/api/v1/repair-applications?status=approved'),
      (r) => (r.body.items ?? []).some((a) => a.id === applicationId),
      60_000,
    );
    expect(decided.body.items!.find((a) => a.id === applicationId)).toMatchObject({
      status: 'approved',
      forwardedTo: { region: '420000' },
      decision: { outcome: 'approved', reason: '已纠正违法行为，同意信用修复', decidedBy: '420000:wuhan-traffic' },
    });

    // What Hubei received: the first send while it was down, the same send again (our id as its reference), then answer checks
    // (the approval is next asked about, watched for a revocation, an hour on: `repairWatchIntervalSeconds` by default, ADR 0088).
    const sends = hubeiExchange.received.filter((r) => r.method === 'POST');
    expect(sends).toHaveLength(2);
    expect(sends[1].body).toEqual({ targetKind: 'record', target: sourceReference, subject, commitment: COMMITMENT, evidence: [], reference: applicationId });
    expect(sends[1].authorization).toBe('Bearer hubei-token');
    expect(hubeiExchange.received.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      '/exchange/v1/repair-applications/hb-ra-1',
      '/exchange/v1/repair-applications/hb-ra-1',
    ]);

    // The approval took the local path: collection's repaired version reaches repair's copy.
    const again = await eventually(apply, (r) => r.body.code === 'REPAIR.ALREADY_REPAIRED', 30_000);
    expect(again.status).toBe(409);
  });

  it('no unit here decides an application routed to Hubei: 409 REPAIR.ROUTED_TO_PARTNER', async () => {
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉转办测试运输有限公司二' };
    const ours = creditRecordBody({ subject, region: '420100' });
    const pushed = await api('/exchange/v1/records', {
      method: 'POST',
      token: hubei,
      body: {
        recordType: ours.recordType,
        subject,
        region: '420100',
        severity: 'general',
        decisionDate: addMonths(chinaDateOf(new Date()), -4),
        documentNumber: `鄂交罚〔2026〕${randomBytes(3).toString('hex')}号`,
        payload: { ...ours.payload, violationType: '超限运输', authority: '武汉市交通运输局' },
        provenance: { partnerRegion: '420000', sourceReference: `HB-${randomBytes(4).toString('hex')}` },
      },
    });
    const filed = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: pushed.body.id, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    const refused = await api(`/api/v1/repair-applications/${filed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '同意' },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'REPAIR.ROUTED_TO_PARTNER' });
  });
});
