import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { usccCheckCharacter } from '@domain/identifiers';
import { Principal } from '@platform/auth';
import { chinaMonth, daysAgo, makeCitizenId } from '@platform/testing';
import {
  CALLERS,
  Caller,
  expectedStatus,
  Fixtures,
  MATRIX,
  PLACE_REGION,
  PLACES,
  Place,
  Probe,
  ROUTES_OUTSIDE_OPENAPI,
  Row,
} from '../support/authorization-matrix';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 23, item 3: every REST route × every kind of caller × (own region, another region of the
 * province, another province), each cell's status following from the rows of MATRIX and the
 * rules stated there (test/support/authorization-matrix.ts). A route in the running gateway's
 * OpenAPI document without a row fails the first test.
 */
describe('authorization matrix', () => {
  let platform: RunningPlatform;
  const tokens: Partial<Record<Caller, string>> = {};
  const principals: Partial<Record<Caller, Principal>> = {};
  let fixtures: Fixtures;

  beforeAll(async () => {
    platform = await startPlatform(undefined, { GATEWAY_RATE_LIMIT_PER_MINUTE: '100000', GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    for (const [caller, spec] of Object.entries(CALLERS) as [Caller, (typeof CALLERS)[Caller]][]) {
      if (!('clientId' in spec)) continue;
      tokens[caller] = await platform.token(spec.clientId);
      const client = platform.clients[spec.clientId];
      principals[caller] = { clientId: client.clientId, kind: client.kind, scopes: client.scopes, region: client.region };
    }
    // Same claims as the Henan admin's, one expired an hour ago, one signed with a key the gateway never issued.
    tokens.expired = accessToken(platform.signingKeyPem, -3600);
    tokens.forged = accessToken(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 3600);
    fixtures = await makeFixtures();
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi(() => platform);

  /** A penalty about a fresh subject of `region`, decided by that region's transport bureau. */
  function recordBody(region: string): unknown {
    const authority = `11${region}005253011`;
    const body = creditRecordBody();
    return {
      ...body,
      subject: { kind: 'org', id: makeUscc(region), name: '矩阵测试运输有限公司' },
      region,
      decisionDate: daysAgo(3),
      payload: { ...body.payload, authority: '交通运输局', authorityUscc: authority + usccCheckCharacter(authority) },
    };
  }

  /** One subject with one record in each place, submitted by a client of that province and in view of evaluation and joint measures. */
  async function makeFixtures(): Promise<Fixtures> {
    const [henan, jiangsu, regulator] = await Promise.all([platform.token('henan'), platform.token('jiangsu'), platform.token('regulator')]);
    const subjects = {} as Record<Place, string>;
    const records = {} as Record<Place, string>;
    for (const place of PLACES) {
      const body = recordBody(PLACE_REGION[place]) as { subject: { id: string } };
      const created = await api('/api/v1/credit-records', { method: 'POST', body, token: place === 'otherProvince' ? jiangsu : henan });
      expect(created.status).toBe(201);
      subjects[place] = body.subject.id;
      records[place] = created.body.id as string;
    }
    // The own subject's grade and list entries are projected from events: wait until the platform-wide view has them.
    const projected = await eventually(
      () =>
        Promise.all([
          api(`/api/v1/subjects/${subjects.own}/evaluations`, { token: regulator }),
          api(`/api/v1/subjects/${subjects.own}/list-entries`, { token: regulator }),
        ]),
      (answers) => answers.every((a) => a.status === 200),
      30_000,
    );
    expect(projected.map((a) => a.status)).toEqual([200, 200]);
    return {
      subjects,
      records,
      month: chinaMonth(),
      unknownUuid: randomUUID(),
      unknownUscc: makeUscc('410100'),
      unknownCitizenId: makeCitizenId('410102'),
      recordBody,
    };
  }

  async function send(probe: Probe, token: string | undefined): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let body: string | undefined;
    if (probe.raw) {
      headers['content-type'] = probe.raw.contentType;
      body = probe.raw.text;
    } else if (probe.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(probe.body);
    }
    const response = await fetch(`${platform.gatewayUrl}${probe.path}`, { method: probe.method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (the portal, a PDF)
    }
    return { status: response.status, body: parsed };
  }

  it('has a row for every route of the running gateway, and none for a route it does not have', async () => {
    const document = (await (await fetch(`${platform.gatewayUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThan(90);
    expect([...routes, ...ROUTES_OUTSIDE_OPENAPI].sort()).toEqual(Object.keys(MATRIX).sort());
    // The routes the OpenAPI document cannot show: only the portal's controller is excluded from it.
    const excluded = sourceFiles(join(__dirname, '../../apps/gateway/src')).filter((file) => readFileSync(file, 'utf8').includes('@ApiExcludeController()'));
    expect(excluded.map((file) => file.slice(file.indexOf('apps/')))).toEqual(['apps/gateway/src/public-api/portal.http.controller.ts']);
  });

  it('answers every cell with the status its row and the rules give', async () => {
    const cells: { route: string; caller: Caller; place: Place; row: Row }[] = [];
    for (const [route, row] of Object.entries(MATRIX)) {
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        // The region columns differ only for a caller the route lets through; for the others, and for
        // rows without a region, one place stands for all three.
        const passes = expectedStatus(row, caller, principals[caller], 'own') < 401 || expectedStatus(row, caller, principals[caller], 'own') > 403;
        const places = row.region !== 'none' && passes ? PLACES : (['own'] as const);
        for (const place of places) cells.push({ route, caller, place, row });
      }
    }
    const wrong: string[] = [];
    const filteredCounts: string[] = [];
    await inParallel(cells, 6, async ({ route, caller, place, row }) => {
      const probe = row.probe(fixtures, place);
      const answer = await send(probe, tokens[caller]);
      const expected = expectedStatus(row, caller, principals[caller], place);
      if (answer.status !== expected)
        wrong.push(`${route} × ${caller} × ${place}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
      // A filtered list shows the caller's own subject, and nothing of a subject outside its subtree.
      if (probe.count && answer.status === 200) {
        const n = probe.count(answer.body);
        if ((place === 'own') !== n > 0) filteredCounts.push(`${route} × ${caller} × ${place}: ${n} items`);
      }
    });
    console.log(`authorization matrix: ${cells.length} cells over ${Object.keys(MATRIX).length} routes`);
    expect(wrong.sort()).toEqual([]);
    expect(filteredCounts).toEqual([]);
  }, 240_000);
});

/** Claims of the Henan regulator (admin, 410000), signed with `privateKeyPem`, expiring `expiresInSeconds` from now. */
function accessToken(privateKeyPem: string, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return sign({ sub: 'regulator', scope: 'admin', region: '410000', kind: 'admin', iat: now - 7200, exp: now + expiresInSeconds }, privateKeyPem, {
    algorithm: 'ES256',
    issuer: 'transport-credit-gateway',
    audience: 'transport-credit-api',
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('spec') ? [path] : [];
  });
}

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}
