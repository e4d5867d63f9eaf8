/**
 * One error type crosses every boundary: a use case throws a DomainError with a stable string
 * code (e.g. `RECORD.DUPLICATE`) and a kind; each transport maps the kind exactly once
 * (see grpc-status.ts and problem.ts). Use cases never throw HTTP or gRPC exceptions.
 */
export const ERROR_KINDS = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'precondition',
  'too-large',
  /** The request line or headers are larger than the server reads (HTTP 431). */
  'headers-too-large',
  /** The client did not send the whole request in time (HTTP 408). */
  'request-timeout',
  'unsupported-media-type',
  'rate-limited',
  'unavailable',
  'deadline',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldViolation {
  /** JSON path of the offending field, e.g. `subject.uscc` or `line[12].decisionDate`. */
  field: string;
  message: string;
  code?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(code: string, violations: FieldViolation[], message = 'The request is invalid.'): DomainError {
    return new DomainError(code, 'validation', message, violations);
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError(code, 'not-found', message);
  }

  static forbidden(code: string, message: string): DomainError {
    return new DomainError(code, 'forbidden', message);
  }

  static conflict(code: string, message: string): DomainError {
    return new DomainError(code, 'conflict', message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Codes owned by the platform itself; each service adds its own `<MODULE>.<REASON>` codes. */
export const PlatformErrorCode = {
  MalformedJson: 'REQUEST.MALFORMED_JSON',
  InvalidBody: 'REQUEST.INVALID',
  UnknownField: 'REQUEST.UNKNOWN_FIELD',
  TooLarge: 'REQUEST.TOO_LARGE',
  /** A JSON body (or NDJSON line) nested deeper than the edge allows, refused before parsing. */
  TooDeep: 'REQUEST.TOO_DEEP',
  /** The request line or a header is over the server's limit (431). */
  HeadersTooLarge: 'REQUEST.HEADERS_TOO_LARGE',
  /** The request did not arrive in time (408). */
  Timeout: 'REQUEST.TIMEOUT',
  /** Not parseable as HTTP/1.1 at all (bad request line, invalid header characters). */
  MalformedHttp: 'REQUEST.MALFORMED_HTTP',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  NotFound: 'REQUEST.NOT_FOUND',
  Unauthenticated: 'AUTH.UNAUTHENTICATED',
  TokenInvalid: 'AUTH.TOKEN_INVALID',
  TokenExpired: 'AUTH.TOKEN_EXPIRED',
  InvalidClient: 'AUTH.INVALID_CLIENT',
  InsufficientScope: 'AUTH.INSUFFICIENT_SCOPE',
  RegionForbidden: 'AUTH.REGION_FORBIDDEN',
  RateLimited: 'REQUEST.RATE_LIMITED',
  Unavailable: 'SERVICE.UNAVAILABLE',
  DeadlineExceeded: 'SERVICE.DEADLINE_EXCEEDED',
  /** The service does not offer the method called (e.g. an older version during a rollout). */
  Unimplemented: 'SERVICE.UNIMPLEMENTED',
  Internal: 'SERVICE.INTERNAL',
} as const;
