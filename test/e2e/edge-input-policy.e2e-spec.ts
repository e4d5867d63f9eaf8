import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { ProtoPackages } from '@contracts';
import { creditRecordBody } from '../support/factories';
import { callUnary } from '../support/grpc-probes';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * The edge input policy (docs/architecture.md "Errors"), swept over every route the gateway's
 * OpenAPI document lists — so a route added later is covered without touching this file. Each
 * input class a black-box fuzz once turned into a 500 (NUL in the path, query or an NDJSON line;
 * JSON 5,000 deep; an array for an object; 1e308 for an integer; a 20,000-character header) must
 * answer below 500, and every refusal is problem+json with a stable code.
 */

interface Operation {
  method: string;
  path: string;
  mediaType: string | undefined;
  schema: Schema | undefined;
  queryNames: string[];
}

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}

interface Answer {
  status: number;
  type: string;
  problem: { code?: string; status?: number; errors?: { field: string; code?: string }[] };
}

const BODY_METHODS = ['post', 'put', 'patch'];
const NUL_JSON = '"x\\u0000y"';

describe('edge input policy, on every route', () => {
  let platform: RunningPlatform;
  let operations: Operation[];
  let tokens: string[];

  beforeAll(async () => {
    platform = await startPlatform(undefined, { GATEWAY_RATE_LIMIT_PER_MINUTE: '100000', GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
    // Tokens of clients with different scopes, so typed bodies reach the validation pipe on most routes.
    tokens = await Promise.all(['zhengzhou', 'regulator', 'suzhou-partner', 'permit-window'].map((c) => platform.token(c)));
    operations = await readOperations(platform.gatewayUrl);
  }, 180_000);

  afterAll(async () => {
    if (process.env.E2E_LOGS) console.log(platform.logs.join('\n'));
    await platform?.stop();
  }, 60_000);

  async function send(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${platform.gatewayUrl}${path}`,
        { method: method.toUpperCase(), headers: { ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let problem: Answer['problem'] = {};
            try {
              problem = text ? (JSON.parse(text) as Answer['problem']) : {};
            } catch {
              problem = {};
            }
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), problem });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /** No 5xx, and a refusal is problem+json with a code; the label names what failed in the report. */
  function expectPolicy(label: string, answer: Answer): void {
    if (answer.status >= 500) throw new Error(`${label}: ${answer.status} ${JSON.stringify(answer.problem)}`);
    if (answer.status >= 400) {
      if (!answer.type.includes('application/problem+json') || typeof answer.problem.code !== 'string' || !answer.problem.code) {
        throw new Error(`${label}: ${answer.status} without problem+json and a code (${answer.type}) ${JSON.stringify(answer.problem)}`);
      }
    }
  }

  const concrete = (path: string, value = 'x') => path.replace(/\{[^}]+\}/g, value);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  // File uploads (permit attachments, repair evidence: application/octet-stream) take bytes, not
  // JSON: their limits are the file store's (size, sniffed type; ADR 0076), tested in permits.e2e.
  const bodyRoutes = () => operations.filter((o) => BODY_METHODS.includes(o.method) && o.mediaType !== 'application/octet-stream');

  it('reads a sensible number of routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(bodyRoutes().length).toBeGreaterThan(5);
    expect(bodyRoutes().map((o) => o.mediaType)).toEqual(expect.arrayContaining(['application/x-ndjson']));
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['post /api/v1/auth/token', 'get /public/v1/subjects']));
  });

  it('refuses a NUL in a path segment on every route: 400 naming the path', async () => {
    for (const op of operations) {
      const path = op.path.includes('{') ? concrete(op.path, 'a%00b') : `${op.path}/a%00b`;
      const answer = await send(op.method, path, undefined, bearer(tokens[0]));
      expectPolicy(`${op.method} ${path}`, answer);
      expect({
        route: `${op.method} ${op.path}`,
        status: answer.status,
        code: answer.problem.code,
        fields: answer.problem.errors?.map((e) => e.field),
      }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 400,
        code: 'REQUEST.INVALID',
        fields: ['(path)'],
      });
    }
  });

  it('refuses a NUL in any query value on every route: 400 naming the parameter', async () => {
    for (const op of operations) {
      const names = op.queryNames.length > 0 ? op.queryNames : ['q'];
      const query = names.map((n) => `${encodeURIComponent(n)}=a%00`).join('&');
      const answer = await send(op.method, `${concrete(op.path)}?${query}`, undefined, bearer(tokens[0]));
      expectPolicy(`${op.method} ${op.path}?${query}`, answer);
      expect({ route: `${op.method} ${op.path}`, status: answer.status, code: answer.problem.code }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 400,
        code: 'REQUEST.INVALID',
      });
      expect(answer.problem.errors?.map((e) => e.field)).toEqual(names.map((n) => `query.${n}`));
    }
  });

  it('answers a 20,000-character header or request line with 431 problem+json on every route', async () => {
    for (const op of operations) {
      const header = await send(op.method, concrete(op.path), undefined, { 'x-fuzz': 'a'.repeat(20_000) });
      expect({ route: `${op.method} ${op.path}`, status: header.status, type: header.type, code: header.problem.code }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 431,
        type: 'application/problem+json',
        code: 'REQUEST.HEADERS_TOO_LARGE',
      });
    }
    const line = await send('get', `/public/v1/subjects?q=${'a'.repeat(20_000)}`);
    expect({ status: line.status, code: line.problem.code }).toEqual({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE' });
  });

  it('answers unparseable HTTP with 400 problem+json', async () => {
    const url = new URL(platform.gatewayUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.end('GET /public/v1/subjects HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 400 /);
    expect(raw).toContain('application/problem+json');
    expect(raw).toContain('"code":"REQUEST.MALFORMED_HTTP"');
  });

  it('refuses JSON nested 5,000 deep on every route that takes a body, before parsing: 400 REQUEST.TOO_DEEP', async () => {
    for (const op of bodyRoutes()) {
      const ndjson = op.mediaType === 'application/x-ndjson';
      const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const body = ndjson ? `${JSON.stringify(creditRecordBody())}\n${deep}\n` : deep;
      const answer = await send(op.method, concrete(op.path), body, {
        ...bearer(tokens[0]),
        'content-type': ndjson ? 'application/x-ndjson' : 'application/json',
      });
      expectPolicy(`${op.method} ${op.path} (depth 5000)`, answer);
      expect({ route: `${op.method} ${op.path}`, status: answer.status, code: answer.problem.code }).toEqual({
        route: `${op.method} ${op.path}`,
        status: 400,
        code: 'REQUEST.TOO_DEEP',
      });
      expect(answer.problem.errors?.[0]?.field).toBe(ndjson ? 'line[2]' : '(body)');
    }
  });

  it('refuses a NUL in any string of a body on every route that takes one, NDJSON lines included', async () => {
    for (const op of bodyRoutes()) {
      const ndjson = op.mediaType === 'application/x-ndjson';
      const form = op.mediaType === 'application/x-www-form-urlencoded';
      const cases: [string, string, string][] = ndjson
        ? [
            ['escaped NUL in a field name', `${JSON.stringify(creditRecordBody())}\n{"payload":{"k\\u0000":1}}\n`, 'line[2].payload.k\\u0000'],
            ['raw NUL in a line', `${JSON.stringify(creditRecordBody())}\n{"documentNumber":"x\u0000y"}\n`, 'line[2]'],
          ]
        : form
          ? [['NUL in a form field', 'grant_type=client_credentials&client_id=a%00b', 'client_id']]
          : [['escaped NUL in a string', `{"fuzz":{"deep":[${NUL_JSON}]}}`, 'fuzz.deep[0]']];
      for (const [name, body, field] of cases) {
        const type = ndjson ? 'application/x-ndjson' : form ? 'application/x-www-form-urlencoded' : 'application/json';
        const answer = await send(op.method, concrete(op.path), body, { ...bearer(tokens[0]), 'content-type': type });
        expectPolicy(`${op.method} ${op.path} (${name})`, answer);
        expect({ route: `${op.method} ${op.path}`, name, status: answer.status, code: answer.problem.code }).toEqual({
          route: `${op.method} ${op.path}`,
          name,
          status: 400,
          code: 'REQUEST.INVALID',
        });
        expect(answer.problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: 'NUL_CHARACTER' })]));
      }
    }
  });

  it('leaves a NUL escape in an NDJSON value to collection, which rejects that line alone (record-batches spec)', async () => {
    for (const op of bodyRoutes().filter((o) => o.mediaType === 'application/x-ndjson')) {
      const body = `${JSON.stringify(creditRecordBody())}\n${JSON.stringify(creditRecordBody({ documentNumber: 'x\u0000y' }))}\n`;
      const answer = await send(op.method, concrete(op.path), body, { ...bearer(tokens[0]), 'content-type': 'application/x-ndjson' });
      expectPolicy(`${op.method} ${op.path} (NUL escape in a value)`, answer);
      // Record batches are accepted for later (202); registry imports answer line by line at once (200).
      expect(answer.status).toBe(op.path.startsWith('/api/v1/registry/') ? 200 : 202);
    }
  });

  it('never answers 5xx to an array where an object is expected, or 1e308 where an integer is, on any route', async () => {
    for (const op of bodyRoutes().filter((o) => o.mediaType === undefined || o.mediaType === 'application/json')) {
      const properties = resolve(op.schema)?.properties ?? {};
      const arrays = Object.fromEntries(Object.entries(properties).flatMap(([k, s]) => (isObjectSchema(s) ? [[k, []]] : [])));
      const huge = Object.entries(properties).flatMap(([k, s]) => (resolve(s)?.type === 'integer' ? [k] : []));
      const bodies = [JSON.stringify({ ...arrays, fuzz: [] }), ...(huge.length ? [`{${huge.map((k) => `${JSON.stringify(k)}:1e308`).join(',')}}`] : [])];
      for (const token of tokens) {
        for (const body of bodies) {
          const answer = await send(op.method, concrete(op.path), body, { ...bearer(token), 'content-type': 'application/json' });
          expectPolicy(`${op.method} ${op.path} ${body}`, answer);
        }
      }
    }
  });

  it('refuses correction: [] on an objection resolution instead of revoking the record', async () => {
    const answer = await send(
      'post',
      '/api/v1/objections/00000000-0000-4000-8000-000000000000/resolution',
      JSON.stringify({ outcome: 'upheld', note: 'n', correction: [] }),
      {
        ...bearer(tokens[0]),
        'content-type': 'application/json',
      },
    );
    expect({ status: answer.status, code: answer.problem.code }).toEqual({ status: 400, code: 'REQUEST.INVALID' });
    expect(answer.problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'correction', code: 'IS_OBJECT' })]));
  });

  it('refuses basedOnVersion: 1e308 on a scheme version, storing nothing', async () => {
    const answer = await send('put', '/api/v1/evaluation-schemes/edge-fuzz', '{"document":{},"basedOnVersion":1e308}', {
      ...bearer(tokens[1]),
      'content-type': 'application/json',
    });
    expect({ status: answer.status, code: answer.problem.code }).toEqual({ status: 400, code: 'REQUEST.INVALID' });
    expect(answer.problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'basedOnVersion', code: 'IS_INT32' })]));
  });

  it('answers the public search with a NUL query with 400, not a database error', async () => {
    const answer = await send('get', '/public/v1/subjects?q=%00');
    expect({ status: answer.status, type: answer.type, code: answer.problem.code, fields: answer.problem.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      type: 'application/problem+json; charset=utf-8',
      code: 'REQUEST.INVALID',
      fields: ['query.q'],
    });
  });

  it('applies the NUL rule on the gRPC face: INVALID_ARGUMENT naming the field', async () => {
    const body = creditRecordBody({ documentNumber: '郑交罚\u0000101号' });
    const request = { ...body, payloadJson: JSON.stringify(body.payload), payload: undefined, idempotencyKey: '' };
    const refusal = (await callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      'gateway.v1.CreditRecordsGatewayService',
      'submitRecord',
      request,
      bearer(tokens[0]),
    ).catch((e: unknown) => e)) as { code: number; metadata: { get(k: string): unknown[] } };
    expect(refusal.code).toBe(3); // INVALID_ARGUMENT
    expect(refusal.metadata.get('x-error-code')).toEqual(['REQUEST.INVALID']);
    expect(String(refusal.metadata.get('x-error-violations')[0])).toContain('documentNumber');
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records WHERE source_record_id = $1`, [body.sourceRecordId])).toEqual([
      { n: 0 },
    ]);
  });

  let components: Record<string, Schema> = {};
  function resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (schema.$ref) return components[schema.$ref.split('/').pop() ?? ''];
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }
  function isObjectSchema(schema: Schema): boolean {
    const s = resolve(schema);
    return s !== undefined && (s.type === 'object' || s.properties !== undefined || schema.$ref !== undefined);
  }

  async function readOperations(gatewayUrl: string): Promise<Operation[]> {
    const document = (await (await fetch(`${gatewayUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    components = document.components?.schemas ?? {};
    return Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        const mediaType = Object.keys(content)[0];
        return {
          method,
          path,
          mediaType,
          schema: mediaType ? content[mediaType].schema : undefined,
          queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        };
      }),
    );
  }
});
