import { Logger } from '@nestjs/common';
import { GrpcCode } from '@platform/errors';
import { grpcStatusFor } from './domain-error.filter';

/** A service's gRPC answer to a failure its handler did not map. */
describe('grpcStatusFor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers a database that cannot be reached UNAVAILABLE with SERVICE.UNAVAILABLE, so the gateway says 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wire = grpcStatusFor({ message: 'Query failed', driverError: Object.assign(new Error('the database system is shutting down'), { code: '57P03' }) });
    expect([grpcStatusFor(refused), wire].map((w) => ({ code: w.code, errorCode: w.metadata['x-error-code'] }))).toEqual([
      { code: GrpcCode.UNAVAILABLE, errorCode: 'SERVICE.UNAVAILABLE' },
      { code: GrpcCode.UNAVAILABLE, errorCode: 'SERVICE.UNAVAILABLE' },
    ]);
  });

  it('answers any other unmapped failure INTERNAL', () => {
    const wire = grpcStatusFor(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }));
    expect({ code: wire.code, errorCode: wire.metadata['x-error-code'] }).toEqual({ code: GrpcCode.INTERNAL, errorCode: 'SERVICE.INTERNAL' });
  });
});
