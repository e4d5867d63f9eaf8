import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckCharacter } from '@domain/identifiers';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { DEMO_CLIENTS, demoClientsFile, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Regions the seed systems belong to (GB/T 2260), read off ../shared/DOMAIN.md and seeds/: each
 * must have a demo integrator, or that system cannot be exercised (issue 16: "Demo clients exist
 * for Henan and Hubei only … the other systems cannot be exercised at all (403)").
 */
const SEED_REGIONS: Record<string, string> = {
  '110000': 'Beijing commuter buses — seed 004 case 1',
  '120000': 'Tianjin credit repair — seed 003, seed 004 case 2',
  '320000': 'Jiangsu grades and cross-city recognition — seed 004 cases 3–4',
  '320500': 'Suzhou graded supervision — seed 003',
  '320585': 'Taicang green fast lane — seed 003',
  '330000': 'Zhejiang ship grading — seed 003, seed 004 case 6',
  '330100': 'Hangzhou inspection ratios — seed 004 case 5',
  '350000': 'Fujian weighted scoring — seed 004 case 11',
  '370000': 'Shandong safety credit — seed 003, seed 004 case 8',
  '410000': 'Henan oversize transport, two-passenger-one-hazardous codes — seed 000, seed 002 case 1',
  '410100': 'Zhengzhou taxi stars — seed 002 case 9',
  '410400': 'Pingdingshan action plan — seed 001, seed 002 case 8',
  '410600': 'Hebi driving schools and repair — seed 002 case 6',
  '410700': 'Xinxiang oversize commitments — seed 002 case 7',
  '410800': 'Jiaozuo codes — seed 002 case 4',
  '410900': 'Puyang taxis — seed 002 case 10',
  '411000': 'Xuchang taxis — seed 002 case 3',
  '411100': 'Luohe buses — seed 002 case 2',
  '411300': 'Nanyang drivers and taxi firms — seed 000',
  '419001': 'Jiyuan driving schools — seed 002 case 5',
  '420000': 'Yangtze four-colour codes (Changjiang Shipping Administration, Wuhan, Hubei) — seed 004 case 19',
  '440400': 'Zhuhai repair checklist — seed 003, seed 004 case 12',
  '450000': 'Guangxi ship-lock points — seed 004 case 13',
  '510000': 'Sichuan risk portraits — seed 004 case 15',
  '530100': 'Kunming taxis — seed 003, seed 004 case 16',
};

describe('demo clients: one per seed region, in .data/demo-clients.json and the README', () => {
  const integrators = DEMO_CLIENTS.filter((c) => c.kind === 'integrator');

  it('has a demo integrator for every region a seed system belongs to, each naming its seed system', () => {
    const covered = new Set(integrators.map((c) => c.region));
    expect(Object.keys(SEED_REGIONS).filter((region) => !covered.has(region))).toEqual([]);
    for (const client of DEMO_CLIENTS) expect(client.seedSystem).toMatch(/\S/);
    expect(new Set(DEMO_CLIENTS.map((c) => c.clientId)).size).toBe(DEMO_CLIENTS.length);
    // Integrators can exercise a system end to end: records in, grades, lists and decisions out.
    for (const client of integrators)
      expect(client.scopes).toEqual(expect.arrayContaining(['records:write', 'records:read', 'evaluations:read', 'measures:decide']));
  });

  it('lists every demo client in the README with its kind and region', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^\| `(demo-[a-z-]+)` \| ([^|]+) \| (\d{6})\b[^|]*\| ([^|]+) \|$/gm)].map((m) => [m[1], { kind: m[2].trim(), region: m[3] }]),
    );
    expect([...rows.keys()].sort()).toEqual(DEMO_CLIENTS.map((c) => c.clientId).sort());
    for (const client of DEMO_CLIENTS) expect(rows.get(client.clientId)?.region).toBe(client.region);
  });

  it('keeps the secrets of an earlier start and gives new clients theirs', () => {
    const earlier = [
      {
        clientId: 'demo-henan',
        name: '河南',
        kind: 'integrator' as const,
        region: '410000',
        scopes: ['records:read'],
        clientSecret: 'kept-secret-of-an-earlier-start',
      },
      {
        clientId: 'ops-added',
        name: '运维',
        kind: 'integrator' as const,
        region: '410100',
        scopes: ['records:read'],
        clientSecret: 'another-kept-secret-0001',
      },
    ];
    let n = 0;
    const { clients } = demoClientsFile(earlier, () => `fresh-secret-${String(++n).padStart(8, '0')}`);
    expect(clients.find((c) => c.clientId === 'demo-henan')).toMatchObject({
      clientSecret: 'kept-secret-of-an-earlier-start',
      scopes: expect.arrayContaining(['records:write']),
    });
    expect(clients.find((c) => c.clientId === 'demo-beijing')?.clientSecret).toMatch(/^fresh-secret-/);
    expect(clients.find((c) => c.clientId === 'ops-added')).toEqual(earlier[1]);
    expect(clients).toHaveLength(DEMO_CLIENTS.length + 1);
  });

  describe('registered by the gateway at boot', () => {
    let platform: RunningPlatform;
    const file = demoClientsFile();
    const secretOf = (clientId: string) => file.clients.find((c) => c.clientId === clientId)?.clientSecret ?? '';

    beforeAll(async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'tcp-demo-')), 'demo-clients.json');
      writeFileSync(path, JSON.stringify(file));
      platform = await startPlatform(['gateway', 'collection'], { GATEWAY_CLIENTS_SEED_FILE: path });
    }, 120_000);

    afterAll(async () => {
      await platform?.stop();
    }, 60_000);

    async function token(clientId: string): Promise<{ status: number; token: string; scope: string }> {
      const response = await fetch(`${platform.gatewayUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secretOf(clientId) }),
      });
      const body = (await response.json()) as { access_token?: string; scope?: string };
      return { status: response.status, token: body.access_token ?? '', scope: body.scope ?? '' };
    }

    it('issues a token to every demo client, and a seed-region client works in its region only', async () => {
      const answers = await Promise.all(DEMO_CLIENTS.map(async (c) => [c.clientId, (await token(c.clientId)).status] as const));
      expect(answers.filter(([, status]) => status !== 200)).toEqual([]);
      const stored = await platform.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM gateway.clients WHERE client_id LIKE 'demo-%' AND secret_hash LIKE 'scrypt$%'`,
      );
      expect(stored).toEqual([{ n: DEMO_CLIENTS.length }]);

      // demo-sichuan (510000, seed 004 case 15) can now submit and read a Sichuan record; Henan's are outside.
      const sichuan = (await token('demo-sichuan')).token;
      const api = gatewayApi<Record<string, unknown> & { code?: string }>(
        () => platform,
        () => sichuan,
      );
      const authority = '11510000000013226';
      const body = creditRecordBody();
      const record = await api('/api/v1/credit-records', {
        method: 'POST',
        body: {
          ...body,
          subject: { kind: 'org', id: makeUscc('510100'), name: '成都某客运有限公司' },
          region: '510100',
          documentNumber: `川交执罚〔2026〕${1000 + Math.floor(Math.random() * 9000)}号`,
          payload: { ...body.payload, authority: '四川省交通运输厅', authorityUscc: authority + usccCheckCharacter(authority) },
        },
      });
      expect(record.status).toBe(201);
      expect((await api(`/api/v1/credit-records/${record.body.id as string}`)).status).toBe(200);
      const outside = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody() });
      expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    });
  });
});
