import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { DomainError } from '@platform/errors';
import { GrpcNulCharacterInterceptor } from './grpc-input-policy';

const context = (type: string, data: unknown) => ({ getType: () => type, switchToRpc: () => ({ getData: () => data }) }) as unknown as ExecutionContext;
const next: CallHandler = { handle: () => of('answered') };

describe('GrpcNulCharacterInterceptor', () => {
  it('refuses a gRPC request with U+0000 in a string, naming the field', async () => {
    const refusal = await lastValueFrom(new GrpcNulCharacterInterceptor().intercept(context('rpc', { record: { documentNumber: 'a\u0000' } }), next)).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation', violations: [{ field: 'record.documentNumber', code: 'NUL_CHARACTER' }] });
  });

  it('lets clean gRPC requests and every HTTP request through', async () => {
    expect(await lastValueFrom(new GrpcNulCharacterInterceptor().intercept(context('rpc', { documentNumber: '郑交罚101号' }), next))).toBe('answered');
    expect(await lastValueFrom(new GrpcNulCharacterInterceptor().intercept(context('http', { a: '\u0000' }), next))).toBe('answered');
  });
});
