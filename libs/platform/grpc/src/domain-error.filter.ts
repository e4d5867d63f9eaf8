import { Logger } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import { Observable, throwError } from 'rxjs';
import { dependencyUnavailable, DomainError, domainErrorToGrpc, GrpcErrorShape, isDependencyUnavailable, PlatformErrorCode } from '@platform/errors';

const logger = new Logger('GrpcErrors');

/**
 * Nest passes handler errors to gRPC as UNKNOWN unless they are mapped (ENGINEERING.md).
 * This is the one mapping: DomainError → status + `x-error-*` metadata; anything else is a bug
 * and goes out as INTERNAL without leaking its message.
 */
export function grpcErrorFor(exception: unknown): Observable<never> {
  const wire = grpcStatusFor(exception);
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(wire.metadata)) metadata.set(key, value);
  return throwError(() => ({ code: wire.code, details: wire.details, message: wire.details, metadata }));
}

/** The status a call failing with `exception` ends with (also carried per item by batched calls). */
export function grpcStatusFor(exception: unknown): GrpcErrorShape {
  return domainErrorToGrpc(exception instanceof DomainError ? exception : internal(exception));
}

function internal(exception: unknown): DomainError {
  if (isDependencyUnavailable(exception)) {
    logger.warn(`dependency unavailable: ${String((exception as { message?: unknown }).message ?? exception)}`);
    return dependencyUnavailable();
  }
  logger.error(exception instanceof Error ? exception.stack : String(exception));
  return new DomainError(PlatformErrorCode.Internal, 'internal', 'The service failed to handle the call.');
}
