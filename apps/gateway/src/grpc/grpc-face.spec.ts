import { generateKeyPairSync } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import * as jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { Principal, Scopes } from '@platform/auth';
import { DomainError, isDomainError } from '@platform/errors';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { API_AUDIENCE, TokenService } from '../auth/application/token.service';
import { KeyRing, signingKeyOf } from '../auth/infrastructure/signing-key';
import { DisabledClients } from '../auth/infrastructure/disabled-clients';
import { VerifiedTokenCache } from '../auth/infrastructure/verified-token-cache';
import type { GatewayConfig } from '../gateway.definition';
import { SlidingWindowThrottlerStorage } from '../http/sliding-window-storage';
import { GRPC_AUDIT_METHOD, GrpcFace, GrpcFaceMethod } from './grpc-face';

describe('GrpcFace (the gateway gRPC face: token, per-client limit, scope, audit)', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keys = new KeyRing(signingKeyOf(privateKey));
  const LIMIT = 3;
  const config = { GATEWAY_ISSUER: 'test-issuer', GATEWAY_TOKEN_TTL_SECONDS: 3600, GATEWAY_RATE_LIMIT_PER_MINUTE: LIMIT } as GatewayConfig;
  const write: GrpcFaceMethod = { path: '/gateway.v1.CreditRecordsGatewayService/SubmitRecord', scope: Scopes.RecordsWrite, auditAnswered: true };
  const decide: GrpcFaceMethod = { path: '/gateway.v1.MeasuresGatewayService/Decide', scope: Scopes.MeasuresDecide, auditAnswered: false };
  const bearer = (sub: string, scope: string) =>
    jwt.sign({ sub, scope, region: '410100', kind: 'integrator' }, privateKey, {
      algorithm: 'ES256',
      expiresIn: 3600,
      issuer: 'test-issuer',
      audience: API_AUDIENCE,
    });
  const metadata = (token?: string, requestId?: string) => {
    const md = new Metadata();
    if (token) md.set('authorization', `Bearer ${token}`);
    if (requestId) md.set('x-request-id', requestId);
    return md;
  };
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (error: unknown) => (isDomainError(error) ? error.code : String(error)),
    );

  let audited: AuditEntry[];
  let face: GrpcFace;
  beforeEach(() => {
    audited = [];
    const auditLog = { record: (entry: AuditEntry) => audited.push(entry) } as unknown as AuditLog;
    face = new GrpcFace(
      new TokenService({} as DataSource, keys, config, new VerifiedTokenCache(), new DisabledClients({} as DataSource)),
      new SlidingWindowThrottlerStorage(),
      auditLog,
      config,
    );
  });

  it('runs the call for the token holder and audits it with the client, gRPC status, request id and idempotency key', async () => {
    const handled: Principal[] = [];
    const answer = await face.call(
      write,
      metadata(bearer('zhengzhou', 'records:write'), 'req-1'),
      async (principal) => (handled.push(principal), { id: 'r1' }),
      { idempotencyKey: 'k-1' },
    );
    expect(answer).toEqual({ id: 'r1' });
    expect(handled).toEqual([{ clientId: 'zhengzhou', scopes: ['records:write'], region: '410100', kind: 'integrator' }]);
    expect(audited).toEqual([
      {
        at: expect.any(Date),
        clientId: 'zhengzhou',
        method: GRPC_AUDIT_METHOD,
        path: write.path,
        status: 0,
        traceId: null,
        requestId: 'req-1',
        idempotencyKey: 'k-1',
      },
    ]);
  });

  it('refuses a call without a token (16) or without the scope (7) before the handler runs, and audits both', async () => {
    const handler = jest.fn(async () => ({}));
    expect(await codeOf(face.call(write, metadata(), handler))).toBe('AUTH.UNAUTHENTICATED');
    expect(await codeOf(face.call(write, metadata(bearer('reader', 'records:read')), handler))).toBe('AUTH.INSUFFICIENT_SCOPE');
    expect(handler).not.toHaveBeenCalled();
    expect(audited.map((a) => [a.clientId, a.status])).toEqual([
      [null, 16],
      ['reader', 7],
    ]);
  });

  it('lets any authenticated client call a method whose REST route requires no scope, and still refuses one without a token', async () => {
    const open: GrpcFaceMethod = { path: '/gateway.v1.PermitsGatewayService/GetPermit', scope: undefined, auditAnswered: false };
    expect(await face.call(open, metadata(bearer('permit-window', 'measures:decide')), async () => 'answered')).toBe('answered');
    expect(await codeOf(face.call(open, metadata(), async () => 'answered'))).toBe('AUTH.UNAUTHENTICATED');
  });

  it("counts each client's calls per method against the per-minute limit and refuses the excess with RESOURCE_EXHAUSTED (8)", async () => {
    const token = bearer('busy', 'records:write measures:decide');
    const handler = async () => ({});
    for (let i = 0; i < LIMIT; i += 1) await face.call(write, metadata(token), handler);
    expect(await codeOf(face.call(write, metadata(token), handler))).toBe('REQUEST.RATE_LIMITED');
    // Another method and another client have limits of their own.
    expect(await codeOf(face.call(decide, metadata(token), handler))).toBe('no error');
    expect(await codeOf(face.call(write, metadata(bearer('quiet', 'records:write')), handler))).toBe('no error');
    expect(audited.filter((a) => a.clientId === 'busy').map((a) => a.status)).toEqual([0, 0, 0, 8]);
  });

  it('leaves answered decisions to the decision log but audits their refusals, with the upstream error kind', async () => {
    const token = bearer('permit-window', 'measures:decide');
    await face.call(decide, metadata(token), async () => ({ outcome: 'allow' }));
    const refused = face.call(decide, metadata(token), async () => {
      throw DomainError.validation('REQUEST.INVALID', [{ field: 'subjectId', message: 'required', code: 'REQUIRED' }]);
    });
    expect(await codeOf(refused)).toBe('REQUEST.INVALID');
    const failed = face.call(decide, metadata(token), async () => {
      throw new Error('socket hang up');
    });
    expect(await codeOf(failed)).toBe('Error: socket hang up');
    expect(audited.map((a) => [a.path, a.status])).toEqual([
      [decide.path, 3],
      [decide.path, 13],
    ]);
  });
});
