import { ProtoPackages } from '@contracts';
import { callUnary, listServicesByReflection } from '../support/grpc-probes';
import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code: string }[] };
type Twin = { bodyJson: string; replayed?: boolean };
type GrpcRefusal = { code: number; metadata: { get(k: string): unknown[] } };

/** gRPC status codes (grpc/status.proto) for the HTTP statuses REST answers with (ADR 0078). */
const GRPC = { OK: 0, INVALID_ARGUMENT: 3, NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7, UNAUTHENTICATED: 16 } as const;
const GRPC_FOR_HTTP: Record<number, number> = {
  400: GRPC.INVALID_ARGUMENT,
  401: GRPC.UNAUTHENTICATED,
  403: GRPC.PERMISSION_DENIED,
  404: GRPC.NOT_FOUND,
  409: GRPC.ALREADY_EXISTS,
};

/**
 * The REST twins on the gateway's gRPC face (issue 20 item 6, ADR 0078), through the real platform
 * (gateway + collection on PostgreSQL and NATS): what REST answers, gRPC answers — the same body,
 * the same token, scope and region rules, the same idempotency and the same error codes.
 */
describe('REST twins on the gateway gRPC face', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  let reader: string;
  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection']);
    [zhengzhou, luoyang, reader] = await Promise.all([platform.token('zhengzhou'), platform.token('luoyang'), platform.token('reader')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  function grpc<T = Twin>(service: string, method: string, request: object, token: string | null = zhengzhou): Promise<T> {
    return callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      `gateway.v1.${service}`,
      method,
      request,
      token === null ? {} : { authorization: `Bearer ${token}` },
    ) as Promise<T>;
  }
  const records = (method: string, request: object, token?: string | null) => grpc('CreditRecordsGatewayService', method, request, token);
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => ({ code: GRPC.OK, errorCode: undefined as string | undefined, violations: '' }),
      (error: unknown) => {
        const e = error as GrpcRefusal;
        return {
          code: e.code,
          errorCode: e.metadata.get('x-error-code')[0] as string | undefined,
          violations: String(e.metadata.get('x-error-violations')[0] ?? ''),
        };
      },
    );
  /** What REST's refusal becomes on gRPC: the status of its HTTP status, and REST's stable code. */
  const sameAs = (rest: { status: number; body: Json }) => ({ code: GRPC_FOR_HTTP[rest.status], errorCode: rest.body.code });

  const submit = async () => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody() });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('serves the twins next to reflection and health', async () => {
    const services = await listServicesByReflection(`127.0.0.1:${platform.ports.gateway.grpc}`);
    expect(services).toEqual(
      expect.arrayContaining([
        'gateway.v1.CreditRecordsGatewayService',
        'gateway.v1.EvaluationGatewayService',
        'gateway.v1.MeasuresGatewayService',
        'gateway.v1.PermitsGatewayService',
        'gateway.v1.RepairGatewayService',
        'gateway.v1.RegistryGatewayService',
        'gateway.v1.LicencesGatewayService',
        'gateway.v1.CommitmentFindingsGatewayService',
        'gateway.v1.ExchangeGatewayService',
        'grpc.health.v1.Health',
      ]),
    );
  });

  it('answers a record and the region-scoped list with the body REST answers', async () => {
    const id = await submit();
    const overRest = await api(`/api/v1/credit-records/${id}`);
    const overGrpc = await records('getRecord', { id });
    expect(JSON.parse(overGrpc.bodyJson)).toEqual(overRest.body);
    // Query parameters travel under their REST names.
    const subjectId = (overRest.body.subject as { id: string }).id;
    const listedOverRest = await api(`/api/v1/credit-records?subjectId=${encodeURIComponent(subjectId)}&limit=10`);
    expect(listedOverRest.status).toBe(200);
    const listed = JSON.parse((await records('listRecords', { subjectId, limit: '10' })).bodyJson) as Json;
    expect(listed).toEqual(listedOverRest.body);
    expect(JSON.stringify(listed)).toContain(id);
    // Another city does not see a Zhengzhou record (the region rule, ADR 0041), on either face.
    const restElsewhere = await api(`/api/v1/credit-records/${id}`, { token: luoyang });
    expect(restElsewhere.status).toBe(404);
    expect(await refusal(records('getRecord', { id }, luoyang))).toMatchObject(sameAs(restElsewhere));
  });

  it('holds the twins to the token and the route scope, before anything runs', async () => {
    const id = await submit();
    expect(await refusal(records('getRecord', { id }, null))).toMatchObject({ code: GRPC.UNAUTHENTICATED, errorCode: 'AUTH.UNAUTHENTICATED' });
    // `reader` has records:read only; revocation needs records:write (API.md scopes).
    const restDenied = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '只读客户端不能撤销' }, token: reader });
    expect(restDenied.status).toBe(403);
    expect(await refusal(records('revokeRecord', { id, bodyJson: JSON.stringify({ reason: '只读客户端不能撤销' }) }, reader))).toMatchObject(
      sameAs(restDenied),
    );
    expect((await api(`/api/v1/credit-records/${id}`)).body.status).not.toBe('revoked');
  });

  it('replays an objection for a retried idempotency key, and refuses the bodies REST refuses with its codes and fields', async () => {
    const id = await submit();
    const objection = { reason: '处罚决定书文号有误', objector: { name: '郑州测试运输有限公司', contact: '0371-12345678' } };
    const open = () => records('openObjection', { id, bodyJson: JSON.stringify(objection), idempotencyKey: `grpc-obj-${id}` });
    const first = await open();
    const again = await open();
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(JSON.parse(again.bodyJson)).toEqual(JSON.parse(first.bodyJson));
    expect(JSON.parse(first.bodyJson)).toMatchObject({ recordId: id, status: 'open' });
    // A second objection without the key is a conflict on both faces (one open objection per record).
    const restAgain = await api(`/api/v1/credit-records/${id}/objections`, { method: 'POST', body: objection });
    expect(await refusal(records('openObjection', { id, bodyJson: JSON.stringify(objection) }))).toMatchObject(sameAs(restAgain));

    const other = await submit();
    const bad: { body: unknown; raw?: string; field: string }[] = [
      { body: { objector: objection.objector }, field: 'reason' }, // reason is required
      { body: { ...objection, colour: 'red' }, field: 'colour' }, // unknown fields are refused, not dropped
      { body: undefined, raw: '{"reason":', field: '(body)' }, // not JSON
    ];
    for (const c of bad) {
      const rest = await fetch(`${platform.gatewayUrl}/api/v1/credit-records/${other}/objections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${zhengzhou}`, 'content-type': 'application/json' },
        body: c.raw ?? JSON.stringify(c.body),
      });
      const restBody = (await rest.json()) as Json;
      expect(rest.status).toBe(400);
      expect(restBody.errors?.map((e) => e.field)).toContain(c.field);
      const overGrpc = await refusal(records('openObjection', { id: other, bodyJson: c.raw ?? JSON.stringify(c.body) }));
      expect(overGrpc).toMatchObject(sameAs({ status: rest.status, body: restBody }));
      expect(overGrpc.violations).toContain(c.field);
    }
    // An idempotency key REST would refuse is refused the same way.
    const restKey = await api(`/api/v1/credit-records/${other}/objections`, { method: 'POST', body: objection, headers: { 'idempotency-key': 'with space' } });
    expect(await refusal(records('openObjection', { id: other, bodyJson: JSON.stringify(objection), idempotencyKey: 'with space' }))).toMatchObject(
      sameAs(restKey),
    );
    // None of the refused calls opened anything.
    expect((await api(`/api/v1/credit-records/${other}`)).body.status).not.toBe('under-objection');
  });

  it('takes an NDJSON batch and audits each write with the gRPC method', async () => {
    const lines = [creditRecordBody(), creditRecordBody()].map((r) => JSON.stringify(r)).join('\n');
    const submitted = JSON.parse((await records('submitBatch', { ndjson: lines, idempotencyKey: `grpc-batch-${Date.now()}` })).bodyJson) as {
      batchId: string;
      lineCount: number;
    };
    expect(submitted.lineCount).toBe(2);
    const batch = JSON.parse((await records('getBatch', { batchId: submitted.batchId })).bodyJson) as { batchId?: string; id?: string };
    expect(JSON.stringify(batch)).toContain(submitted.batchId);
    const audited = await platform.db.query<{ status: number }>(
      `SELECT status FROM gateway.audit_log WHERE method = 'GRPC' AND path = '/gateway.v1.CreditRecordsGatewayService/SubmitBatch'`,
    );
    expect(audited.map((a) => a.status)).toEqual([0]);
  });
});
