import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import { Observable, throwError } from 'rxjs';
import { DomainError, domainErrorToGrpc, PlatformErrorCode } from '@platform/errors';

/**
 * Nest passes handler errors to gRPC as UNKNOWN unless a filter maps them (ENGINEERING.md).
 * This is the one mapping: DomainError → status + `x-error-*` metadata; anything else is a bug
 * and goes out as INTERNAL without leaking its message.
 */
@Catch()
export class GrpcDomainErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('GrpcErrors');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const domainError = exception instanceof DomainError ? exception : this.internal(exception);
    const wire = domainErrorToGrpc(domainError);
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(wire.metadata)) metadata.set(key, value);
    return throwError(() => ({ code: wire.code, details: wire.details, message: wire.details, metadata }));
  }

  private internal(exception: unknown): DomainError {
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new DomainError(PlatformErrorCode.Internal, 'internal', 'The service failed to handle the call.');
  }
}
