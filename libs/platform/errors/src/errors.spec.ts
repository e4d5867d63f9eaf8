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

  it('keeps an error that echoes a huge client value within 8 KiB of gRPC headers, cutting visibly and counting what it leaves out', () => {
    // gRPC core and grpc-java refuse header blocks past 8 KiB by default; the gRPC fuzz met a 400 KiB violation list (ADR 0075).
    const huge = 'あ'.repeat(69_424);
    const echoed = DomainError.validation(
      'RECORD.UNKNOWN_TYPE',
      [{ field: 'recordType', message: `unknown record type "${huge}"`, code: 'UNKNOWN_TYPE' }],
      `No credit record ${huge}.`,
    );
    const wire = domainErrorToGrpc(echoed);
    const headerBytes = (w: typeof wire) => Buffer.byteLength(w.details) + Object.entries(w.metadata).reduce((n, [k, v]) => n + k.length + v.length, 0);
    expect(headerBytes(wire)).toBeLessThan(8 * 1024);
    const back = domainErrorFromGrpc(wire.code, wire.details, wire.metadata);
    expect(back).toMatchObject({ code: 'RECORD.UNKNOWN_TYPE', kind: 'validation' });
    expect(back.message).toMatch(/^No credit record あ+…$/);
    expect(back.violations).toEqual([{ field: 'recordType', message: expect.stringMatching(/^unknown record type "あ+…$/), code: 'UNKNOWN_TYPE' }]);
    expect(wire.metadata['x-error-violations-omitted']).toBeUndefined();

    // Many violations, each with a long unknown key as its field: the first ones kept, the rest counted.
    const many = Array.from({ length: 500 }, (_, i) => ({ field: `${i}${'键'.repeat(5_000)}`, message: 'property should not exist', code: 'WHITELIST' }));
    const listed = domainErrorToGrpc(DomainError.validation('REQUEST.INVALID', many));
    expect(headerBytes(listed)).toBeLessThan(8 * 1024);
    const kept = domainErrorFromGrpc(listed.code, listed.details, listed.metadata).violations;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((v) => v.field.match(/^\d+/)?.[0])).toEqual(kept.map((_, i) => String(i)));
    expect(Number(listed.metadata['x-error-violations-omitted'])).toBe(500 - kept.length);
    // A surrogate pair is never cut in half.
    const emoji = domainErrorToGrpc(DomainError.validation('REQUEST.INVALID', [{ field: 'x', message: '😀'.repeat(300) }]));
    expect(domainErrorFromGrpc(emoji.code, emoji.details, emoji.metadata).violations[0].message).toMatch(/^(😀)+…$/u);
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
