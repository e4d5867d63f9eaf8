import { DomainError, ErrorKind, FieldViolation } from './domain-error';

/** RFC 9457 problem details, extended with the stable `code` and field `errors` (API.md). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  traceId?: string;
  errors?: FieldViolation[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://credit.transport.example/problems/';

export function httpStatusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'too-large':
      return 413;
    case 'headers-too-large':
      return 431;
    case 'request-timeout':
      return 408;
    case 'unsupported-media-type':
      return 415;
    case 'precondition':
      return 422;
    case 'rate-limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'deadline':
      return 504;
    case 'internal':
      return 500;
  }
}

const TITLES: Record<ErrorKind, string> = {
  validation: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  precondition: 'Unprocessable request',
  'too-large': 'Payload too large',
  'headers-too-large': 'Request header fields too large',
  'request-timeout': 'Request timeout',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  unavailable: 'Service unavailable',
  deadline: 'Upstream timeout',
  internal: 'Internal error',
};

export function toProblem(error: DomainError, context: { instance?: string; traceId?: string } = {}): ProblemDetails {
  const problem: ProblemDetails = {
    type: PROBLEM_TYPE_BASE + error.code.toLowerCase().replace(/[._]/g, '-'),
    title: TITLES[error.kind],
    status: httpStatusForKind(error.kind),
    detail: error.message,
    code: error.code,
    ...context,
  };
  if (error.violations.length > 0) problem.errors = [...error.violations];
  return problem;
}
