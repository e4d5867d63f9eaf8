import { ProtoPackages } from '@contracts';
import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { callUnary } from '../support/grpc-probes';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * The walking skeleton (issue 2 §7): a penalty posted to the gateway is stored by collection,
 * announced over JetStream, projected by disclosure, and shown on the public profile — and the
 * whole path is one trace.
 */
describe('walking skeleton: penalty in, public profile out', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { LOG_LEVEL: 'info' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('shows a posted penalty on the public profile', async () => {
    const token = await platform.token('zhengzhou');
    const body = creditRecordBody();
    const api = gatewayApi<{ id: string; status: string }>(
      () => platform,
      () => token,
    );
    const created = await api('/api/v1/credit-records', { method: 'POST', body, headers: { 'idempotency-key': `k-${body.sourceRecordId}` } });
    expect(created.status).toBe(201);
    const { id, status } = created.body;
    expect(status).toBe('active');
    expect(created.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-/);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('x-powered-by')).toBeNull();

    const profile = await eventually(
      () => gatewayApi(() => platform)(`/public/v1/subjects/${body.subject.id}`),
      (r) => r.status === 200,
    );
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ uscc: body.subject.id, name: body.subject.name, region: '410100' });
    expect(profile.body.penalties).toEqual([
      expect.objectContaining({ documentNumber: body.documentNumber, summary: '未按许可路线行驶', severity: 'general' }),
    ]);
    expect(JSON.stringify(profile.body)).not.toContain(id); // internal ids never leak

    // A retry with the same Idempotency-Key returns the first answer and stores nothing new.
    const retried = await api('/api/v1/credit-records', { method: 'POST', body, headers: { 'idempotency-key': `k-${body.sourceRecordId}` } });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual({ id, status: 'active' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records WHERE id = $1`, [id])).toEqual([{ n: 1 }]);
    const audit = await platform.db.query(`SELECT client_id, status, trace_id FROM gateway.audit_log WHERE path = '/api/v1/credit-records' ORDER BY id`);
    expect(audit).toEqual([expect.objectContaining({ client_id: 'zhengzhou', status: 201 }), expect.objectContaining({ client_id: 'zhengzhou', status: 201 })]);
    expect(audit[0].trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('accepts the same record over the gateway gRPC face, with the bearer token in metadata', async () => {
    const token = await platform.token('zhengzhou');
    const body = creditRecordBody();
    const request = { ...body, payloadJson: JSON.stringify(body.payload), payload: undefined, idempotencyKey: '' };
    const address = `127.0.0.1:${platform.ports.gateway.grpc}`;
    const call = (metadata: Record<string, string>, overrides: Record<string, unknown> = {}) =>
      callUnary(address, ProtoPackages.gateway.protoPath, 'gateway.v1.CreditRecordsGatewayService', 'submitRecord', { ...request, ...overrides }, metadata);
    const idempotencyKey = `grpc-${body.sourceRecordId}`;
    await expect(call({ authorization: `Bearer ${token}`, 'x-request-id': 'grpc-req-1' }, { idempotencyKey })).resolves.toMatchObject({
      status: 'active',
      replayed: false,
    });
    await expect(call({})).rejects.toMatchObject({ code: 16 }); // UNAUTHENTICATED
    const outside = await call({ authorization: `Bearer ${token}` }, { region: '420100', documentNumber: 'other' }).catch(
      (e: { code: number; metadata: { get(k: string): unknown[] } }) => e,
    );
    expect((outside as { code: number }).code).toBe(7); // PERMISSION_DENIED
    expect((outside as { metadata: { get(k: string): unknown[] } }).metadata.get('x-error-code')).toEqual(['AUTH.REGION_FORBIDDEN']);

    // Every call on the gRPC face is in the same audit log as REST's writes, refused ones included,
    // with the gRPC status (written just after each answer, hence `eventually`).
    const audited = () =>
      platform.db.query<{ client_id: string | null; status: number; request_id: string | null; idempotency_key: string | null }>(
        `SELECT client_id, status, request_id, idempotency_key FROM gateway.audit_log WHERE method = 'GRPC' AND path = '/gateway.v1.CreditRecordsGatewayService/SubmitRecord' ORDER BY id`,
      );
    expect(await eventually(audited, (rows) => rows.length >= 3)).toEqual([
      { client_id: 'zhengzhou', status: 0, request_id: 'grpc-req-1', idempotency_key: idempotencyKey },
      { client_id: null, status: 16, request_id: null, idempotency_key: null },
      { client_id: 'zhengzhou', status: 7, request_id: null, idempotency_key: null },
    ]);
  });

  it('records one trace across gateway, collection, PostgreSQL, NATS and the disclosure consumer', async () => {
    const token = await platform.token('henan');
    const body = creditRecordBody();
    const created = await gatewayApi(
      () => platform,
      () => token,
    )('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    const traceId = created.headers.get('traceparent')!.split('-')[1];

    const spans = await eventually(
      async () => platform.otlp.spans.filter((s) => s.traceId === traceId),
      (found) => found.some((s) => s.service === 'gateway' && s.name.startsWith('POST')) && found.some((s) => s.service === 'disclosure' && isDatabaseSpan(s)),
      20_000,
    );
    const has = (service: string, predicate: (s: (typeof spans)[number]) => boolean) => spans.some((s) => s.service === service && predicate(s));
    expect(has('gateway', (s) => s.name.startsWith('POST'))).toBe(true);
    expect(has('gateway', (s) => s.name.includes('CreditRecordService/SubmitRecord'))).toBe(true);
    expect(has('collection', (s) => s.name.includes('CreditRecordService/SubmitRecord'))).toBe(true);
    expect(has('collection', (s) => isDatabaseSpan(s))).toBe(true);
    expect(has('collection', (s) => s.name === 'credit.records.created publish')).toBe(true);
    expect(has('disclosure', (s) => s.name === 'credit.records.created process')).toBe(true);
    expect(has('disclosure', (s) => isDatabaseSpan(s))).toBe(true);
    // Logs of both services carry the same trace id (pino mixin), so logs and traces join up.
    const logged = (service: string) => platform.logs.some((line) => line.startsWith(`${service}: `) && line.includes(`"trace_id":"${traceId}"`));
    expect(logged('gateway')).toBe(true);
    expect(logged('disclosure') || logged('collection')).toBe(true);
    // Every span but the root has its parent inside the same trace: one connected tree.
    const ids = new Set(spans.map((s) => s.spanId));
    const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots.map((s) => `${s.service}:${s.name}`)).toEqual([expect.stringMatching(/^gateway:POST/)]);
  });
});

function isDatabaseSpan(span: { attributes: Record<string, unknown> }): boolean {
  return Object.keys(span.attributes).some((key) => key.startsWith('db.'));
}
