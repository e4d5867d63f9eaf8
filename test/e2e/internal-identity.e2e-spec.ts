import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { ProtoPackages } from '@contracts';
import { encodePrincipal, INTERNAL_ISSUER, Principal, PrincipalSigner } from '@platform/auth';
import { creditRecordBody } from '../support/factories';
import { callUnary } from '../support/grpc-probes';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown>;
type GrpcRefusal = { code: number; metadata: { get(key: string): unknown[] } };

/** gRPC status UNAUTHENTICATED (grpc/status.proto). */
const UNAUTHENTICATED = 16;

/**
 * The principal the gateway passes to a service is a short-lived ES256 token signed for that
 * service (ADR 0073, issue 23 item 4): a pod that reaches a service's gRPC port directly cannot
 * act as a client by making one up, altering one, replaying an old one or one meant for another
 * service; the same calls through the gateway succeed.
 */
describe('signed internal identity: services refuse a principal the gateway did not sign for them', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let reader: string;
  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );
  // Zhengzhou's integrator (platform-harness TEST_CLIENTS), as the gateway would pass it.
  const zhengzhouPrincipal: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
  const readerPrincipal: Principal = {
    clientId: 'zhengzhou-reader',
    kind: 'integrator',
    scopes: ['records:read', 'evaluations:read', 'measures:decide'],
    region: '410100',
  };
  let recordId: string;
  let gatewayKey: PrincipalSigner;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [zhengzhou, reader] = await Promise.all([platform.token('zhengzhou'), platform.token('zhengzhou-reader')]);
    gatewayKey = new PrincipalSigner(platform.internalIdentity.privateKeyPem);
    const created = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody() });
    expect(created.status).toBe(201);
    recordId = created.body.id as string;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  /** One read per backend: through the gateway (REST) and straight to the service's gRPC port. */
  const calls = {
    collection: {
      viaGateway: () => api(`/api/v1/credit-records/${recordId}`),
      direct: (metadata: Record<string, string>) =>
        callUnary(
          `127.0.0.1:${platform.ports.collection.grpc}`,
          ProtoPackages.collection.protoPath,
          'collection.v1.CreditRecordService',
          'getRecord',
          { id: recordId },
          metadata,
        ),
      principal: () => zhengzhouPrincipal,
    },
    evaluation: {
      viaGateway: () => api('/api/v1/evaluation-schemes', { token: reader }),
      direct: (metadata: Record<string, string>) =>
        callUnary(
          `127.0.0.1:${platform.ports.evaluation.grpc}`,
          ProtoPackages.evaluation.protoPath,
          'evaluation.v1.SchemeService',
          'listSchemes',
          {},
          metadata,
        ),
      principal: () => readerPrincipal,
    },
    'joint-measures': {
      viaGateway: () => api('/api/v1/entry-rules'),
      direct: (metadata: Record<string, string>) =>
        callUnary(
          `127.0.0.1:${platform.ports['joint-measures'].grpc}`,
          ProtoPackages.measures.protoPath,
          'measures.v1.EntryRuleService',
          'getEntryRules',
          {},
          metadata,
        ),
      principal: () => zhengzhouPrincipal,
    },
  };
  type Backend = keyof typeof calls;
  const backends = Object.keys(calls) as Backend[];

  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => 'answered',
      (error: GrpcRefusal) => ({ status: error.code, code: error.metadata.get('x-error-code')[0] }),
    );

  /** The ways a pod could try to pass a principal the gateway did not sign for `backend`, each with what it sends as `x-principal`. */
  const forgeries: [string, (backend: Backend, principal: Principal) => string | undefined][] = [
    ['no principal at all', () => undefined],
    ['the unsigned base64 JSON the gateway used to send', (_backend, principal) => encodePrincipal(principal)],
    [
      'unsigned, claiming the admin scope province-wide',
      (_backend, principal) => encodePrincipal({ ...principal, scopes: ['admin'], region: '410000', kind: 'admin' }),
    ],
    [
      'tampered: signed for the service, then widened to the province',
      (backend, principal) => {
        const [header, payload, signature] = gatewayKey.sign(principal, backend).split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { prn: Principal };
        const widened = Buffer.from(JSON.stringify({ ...claims, prn: { ...claims.prn, region: '410000' } })).toString('base64url');
        return `${header}.${widened}.${signature}`;
      },
    ],
    [
      'expired: signed with the gateway key, its time over',
      (backend, principal) =>
        sign({ prn: principal }, platform.internalIdentity.privateKeyPem, {
          algorithm: 'ES256',
          audience: backend,
          issuer: INTERNAL_ISSUER,
          subject: principal.clientId,
          expiresIn: -60,
        }),
    ],
    [
      'misaddressed: signed by the gateway for another service',
      (backend, principal) => gatewayKey.sign(principal, backend === 'collection' ? 'evaluation' : 'collection'),
    ],
    [
      'signed by a key that is not the gateway’s',
      (backend, principal) =>
        new PrincipalSigner(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()).sign(
          principal,
          backend,
        ),
    ],
    ['with "alg: none"', (backend, principal) => sign({ prn: principal }, '', { algorithm: 'none', audience: backend, issuer: INTERNAL_ISSUER })],
  ];

  describe.each(backends)('%s', (backend) => {
    it('answers through the gateway', async () => {
      expect((await calls[backend].viaGateway()).status).toBe(200);
    });

    it('answers a direct call that carries a principal the gateway signed for it (the control: the call itself is well formed)', async () => {
      await expect(refusal(calls[backend].direct({ 'x-principal': gatewayKey.sign(calls[backend].principal(), backend) }))).resolves.toBe('answered');
    });

    it.each(forgeries)('refuses a direct call with %s as UNAUTHENTICATED, AUTH.UNAUTHENTICATED', async (_case, forge) => {
      const token = forge(backend, calls[backend].principal());
      const metadata: Record<string, string> = token === undefined ? {} : { 'x-principal': token };
      await expect(refusal(calls[backend].direct(metadata))).resolves.toEqual({ status: UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
    });
  });

  it('writes nothing for a forged submission to collection, and stores the same submission through the gateway', async () => {
    const body = creditRecordBody();
    const { payload, ...rest } = body;
    const forged = await refusal(
      callUnary(
        `127.0.0.1:${platform.ports.collection.grpc}`,
        ProtoPackages.collection.protoPath,
        'collection.v1.CreditRecordService',
        'submitRecord',
        { ...rest, payloadJson: JSON.stringify(payload), idempotencyKey: '' },
        { 'x-principal': encodePrincipal(zhengzhouPrincipal) },
      ),
    );
    expect(forged).toEqual({ status: UNAUTHENTICATED, code: 'AUTH.UNAUTHENTICATED' });
    const stored = async () =>
      Number(
        (await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM collection.credit_records WHERE document_number = $1`, [body.documentNumber]))[0].n,
      );
    expect(await stored()).toBe(0);
    expect((await api('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);
    expect(await stored()).toBe(1);
  });
});
