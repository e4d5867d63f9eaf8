import { DomainError, ERROR_KINDS } from './domain-error';
import { domainErrorFromGrpc, domainErrorToGrpc, grpcCodeForKind, GrpcCode } from './grpc-status';
import { httpStatusForKind, toProblem } from './problem';
import { nulCharacterViolations } from './storable-text';

describe('error mapping', () => {
  it('round-trips a domain error through gRPC metadata, Chinese text included', () => {
    const original = DomainError.validation('RECORD.INVALID', [{ field: 'subject.uscc', message: '校验码错误', code: 'CHECK_CHARACTER' }], '记录无效');
    const wire = domainErrorToGrpc(original);
    expect(wire.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(Object.values(wire.metadata).every((v) => /^[\x20-\x7e]*$/.test(v))).toBe(true);
    const back = domainErrorFromGrpc(wire.code, wire.details, wire.metadata);
    expect(back).toMatchObject({ code: 'RECORD.INVALID', kind: 'validation', message: '记录无效' });
    expect(back.violations).toEqual(original.violations);
  });

  it('maps a bare gRPC status from a non-platform peer to a kind and a fallback code', () => {
    const err = domainErrorFromGrpc(GrpcCode.UNAVAILABLE, 'connect ECONNREFUSED', {});
    expect(err).toMatchObject({ kind: 'unavailable', code: 'SERVICE.UNAVAILABLE', message: 'connect ECONNREFUSED' });
    expect(domainErrorFromGrpc(GrpcCode.UNKNOWN, '', {}).kind).toBe('internal');
    // A method the peer does not offer (an older version mid-rollout) is told apart, for fallbacks.
    expect(domainErrorFromGrpc(GrpcCode.UNIMPLEMENTED, 'The server does not implement the method', {})).toMatchObject({
      kind: 'internal',
      code: 'SERVICE.UNIMPLEMENTED',
    });
  });

  it('gives every kind a distinct-enough HTTP status and never a 500 for client mistakes', () => {
    const clientKinds = ERROR_KINDS.filter((k) => !['unavailable', 'deadline', 'internal'].includes(k));
    for (const kind of clientKinds) expect(httpStatusForKind(kind)).toBeLessThan(500);
    for (const kind of ERROR_KINDS) expect(grpcCodeForKind(kind)).toBeGreaterThan(0);
  });

  it('renders problem+json with code, status and field errors', () => {
    const problem = toProblem(DomainError.validation('REQUEST.INVALID', [{ field: 'region', message: 'must be 6 digits' }]), {
      instance: '/api/v1/credit-records',
      traceId: 'abc',
    });
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST.INVALID', instance: '/api/v1/credit-records', traceId: 'abc' });
    expect(problem.errors).toEqual([{ field: 'region', message: 'must be 6 digits' }]);
    expect(problem.type).toMatch(/request-invalid$/);
  });
});

describe('nulCharacterViolations', () => {
  it('names every string and key holding U+0000 by its JSON path, and nothing else', () => {
    expect(nulCharacterViolations({ a: 'fine', b: ['ok', 'x\u0000y'], c: { d: '\u0000' }, 'e\u0000': 1 }, 'payload').map((v) => [v.field, v.code])).toEqual([
      ['payload.b[1]', 'NUL_CHARACTER'],
      ['payload.c.d', 'NUL_CHARACTER'],
      ['payload.e\\u0000', 'NUL_CHARACTER'],
    ]);
    expect(nulCharacterViolations({ a: '普通文本', n: 1, t: true, z: null })).toEqual([]);
    expect(nulCharacterViolations('\u0000')).toEqual([{ field: '(body)', message: 'must not contain the NUL character (U+0000)', code: 'NUL_CHARACTER' }]);
  });
});
