import { Logger } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import { Observable, throwError } from 'rxjs';
import { DomainError, domainErrorToGrpc, PlatformErrorCode } from '@platform/errors';

const logger = new Logger('GrpcErrors');

/**
 * Nest passes handler errors to gRPC as UNKNOWN unless they are mapped (ENGINEERING.md).
 * This is the one mapping: DomainError → status + `x-error-*` metadata; anything else is a bug
 * and goes out as INTERNAL without leaking its message.
 */
export function grpcErrorFor(exception: unknown): Observable<never> {
  const domainError = exception instanceof DomainError ? exception : internal(exception);
  const wire = domainErrorToGrpc(domainError);
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(wire.metadata)) metadata.set(key, value);
  return throwError(() => ({ code: wire.code, details: wire.details, message: wire.details, metadata }));
}

function internal(exception: unknown): DomainError {
  logger.error(exception instanceof Error ? exception.stack : String(exception));
  return new DomainError(PlatformErrorCode.Internal, 'internal', 'The service failed to handle the call.');
}
