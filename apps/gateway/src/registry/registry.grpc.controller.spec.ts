import type { Metadata } from '@grpc/grpc-js';
import { Principal, Scopes } from '@platform/auth';
import { isDomainError } from '@platform/errors';
import type { GrpcFace, GrpcFaceMethod } from '../grpc/grpc-face';
import { MAX_JSON_DEPTH } from '../http/input-policy';
import type { Upstreams } from '../upstreams';
import { RegistryGatewayGrpcController } from './registry.grpc.controller';

describe('the registry on the gateway gRPC face: registration_json is held to the REST body rules', () => {
  const principal: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: [Scopes.RecordsWrite], region: '410100' };
  // The face's token, limit and scope work is GrpcFace's (grpc-face.spec.ts): here it lets the call through.
  const face = {
    call: (_m: GrpcFaceMethod, _md: Metadata | undefined, handle: (p: Principal) => Promise<unknown>) => handle(principal),
  } as unknown as GrpcFace;
  const forwarded: unknown[] = [];
  const upstreams = {
    registry: { putRegistration: (request: unknown) => (forwarded.push(request), Promise.reject(new Error('not reached'))) },
  } as unknown as Upstreams;
  const controller = new RegistryGatewayGrpcController(face, upstreams);

  const refusal = (registrationJson: string) =>
    controller.putEnterprise({ uscc: '91410100MA3X000000', registrationJson, idempotencyKey: '' }).then(
      () => 'accepted',
      (error: unknown) => (isDomainError(error) ? { code: error.code, fields: error.violations.map((v) => v.field) } : String(error)),
    );

  it('refuses JSON nested deeper than REST allows before validating or forwarding it (the gRPC fuzz met INTERNAL, ADR 0075)', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    expect(await refusal(deep)).toEqual({ code: 'REQUEST.TOO_DEEP', fields: ['(body)'] });
    expect(await refusal(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`)).toMatchObject({ code: 'REQUEST.TOO_DEEP' });
    expect(forwarded).toEqual([]);
  });

  it('refuses what is not JSON, or not an object, with REST’s codes', async () => {
    expect(await refusal('{"name":')).toEqual({ code: 'REQUEST.MALFORMED_JSON', fields: ['(body)'] });
    expect(await refusal('[1]')).toEqual({ code: 'REQUEST.INVALID', fields: ['registrationJson'] });
    expect(await refusal('{"name":"x\\u0000"}')).toEqual({ code: 'REQUEST.INVALID', fields: ['name'] });
    expect(forwarded).toEqual([]);
  });
});
