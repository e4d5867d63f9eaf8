import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { maskCitizenIdsInText } from '@domain/identifiers';
import {
  dependencyUnavailable,
  DomainError,
  isDependencyUnavailable,
  PlatformErrorCode,
  PROBLEM_CONTENT_TYPE,
  toProblem,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from '@platform/errors';
import { currentTraceId } from '@platform/telemetry';

/**
 * The one place HTTP errors are written: every failure leaves the gateway as RFC 9457
 * problem+json with a stable code. Client mistakes are 4xx; only our own faults are 5xx.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    writeProblem(response, request, toDomainError(exception, this.logger));
  }
}

export function writeProblem(response: Response, request: Request, error: DomainError): void {
  // A path may name a person (a citizen ID typed into the public search box's URL): masked, as in the audit log.
  const problem = toProblem(error, { instance: maskCitizenIdsInText(request.originalUrl.split('?')[0]), traceId: currentTraceId() });
  if (problem.status === 429 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', '60');
  // A 503 is a moment's outage (a database restarting, a service redeploying): say when to retry.
  if (problem.status === 503 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function toDomainError(exception: unknown, logger: Logger): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof ThrottlerException)
    return new DomainError(PlatformErrorCode.RateLimited, 'rate-limited', 'Too many requests; retry after the time in Retry-After.');
  if (exception instanceof HttpException) return fromHttpException(exception);
  const bodyParserError = fromBodyParserError(exception);
  if (bodyParserError) return bodyParserError;
  // The gateway's own database (clients, audit, idempotency) restarting is an outage, not a bug.
  if (isDependencyUnavailable(exception)) {
    logger.warn(`dependency unavailable: ${String((exception as { message?: unknown }).message ?? exception)}`);
    return dependencyUnavailable();
  }
  logger.error(exception instanceof Error ? exception.stack : String(exception));
  return new DomainError(PlatformErrorCode.Internal, 'internal', 'The gateway failed to handle the request.');
}

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  if (status === 404) return new DomainError(PlatformErrorCode.NotFound, 'not-found', 'No such resource.');
  if (status === 405) return new DomainError('REQUEST.METHOD_NOT_ALLOWED', 'validation', exception.message);
  if (status === 413) return new DomainError(PlatformErrorCode.TooLarge, 'too-large', exception.message);
  if (status === 415) return new DomainError(PlatformErrorCode.UnsupportedMediaType, 'unsupported-media-type', exception.message);
  if (status === 401) return new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', exception.message);
  if (status === 403) return new DomainError('AUTH.FORBIDDEN', 'forbidden', exception.message);
  if (status >= 500) return new DomainError(PlatformErrorCode.Internal, 'internal', 'The gateway failed to handle the request.');
  return new DomainError(PlatformErrorCode.InvalidBody, 'validation', exception.message);
}

/** body-parser signals its failures with a `type`; map them before they become 500s. */
export function fromBodyParserError(exception: unknown): DomainError | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  const limit = (exception as { limit?: number }).limit;
  switch (type) {
    case 'entity.parse.failed':
      return DomainError.validation(
        PlatformErrorCode.MalformedJson,
        [{ field: '(body)', message: 'is not valid JSON', code: 'MALFORMED_JSON' }],
        'The request body is not valid JSON.',
      );
    case 'entity.too.large':
      return new DomainError(PlatformErrorCode.TooLarge, 'too-large', `The request body exceeds the limit of ${limit ?? '?'} bytes.`, [
        { field: '(body)', message: `larger than ${limit} bytes`, code: 'TOO_LARGE' },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(PlatformErrorCode.UnsupportedMediaType, 'unsupported-media-type', 'The request body encoding or charset is not supported.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return DomainError.validation(
        PlatformErrorCode.InvalidBody,
        [{ field: '(body)', message: String(type), code: 'BODY_UNREADABLE' }],
        'The request body could not be read.',
      );
    default:
      return undefined;
  }
}
