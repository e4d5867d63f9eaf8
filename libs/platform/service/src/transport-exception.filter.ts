import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { dependencyUnavailable, DomainError, isDependencyUnavailable, PlatformErrorCode, PROBLEM_CONTENT_TYPE, toProblem } from '@platform/errors';
import { grpcErrorFor } from '@platform/grpc';

export type HttpErrorWriter = (exception: unknown, host: ArgumentsHost) => void;

/**
 * One global filter for both transports of a service (registered before the gRPC microservice
 * connects, so it is inherited: Nest cannot add filters to it afterwards). gRPC errors get the
 * status + metadata mapping; HTTP errors become problem+json — by the gateway's richer writer
 * when given, else by a minimal one (other services only serve probes and metrics over HTTP).
 */
@Catch()
export class TransportExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly httpWriter?: HttpErrorWriter) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return grpcErrorFor(exception);
    if (this.httpWriter) return this.httpWriter(exception, host);
    const error = exception instanceof DomainError ? exception : this.fromUnknown(exception);
    const problem = toProblem(error, { instance: host.switchToHttp().getRequest<{ url: string }>().url });
    host.switchToHttp().getResponse<Response>().status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private fromUnknown(exception: unknown): DomainError {
    if (exception instanceof HttpException && exception.getStatus() === 404)
      return new DomainError(PlatformErrorCode.NotFound, 'not-found', 'No such resource.');
    if (isDependencyUnavailable(exception)) return dependencyUnavailable();
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new DomainError(PlatformErrorCode.Internal, 'internal', 'The service failed to handle the request.');
  }
}
