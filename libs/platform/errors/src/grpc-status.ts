import { DomainError, ErrorKind, FieldViolation, PlatformErrorCode } from './domain-error';

/**
 * gRPC status codes (numeric, from the gRPC spec) so this file needs no grpc-js import.
 * https://grpc.github.io/grpc/core/md_doc_statuscodes.html
 */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCodeValue = (typeof GrpcCode)[keyof typeof GrpcCode];

/** Metadata keys carrying the domain error across a gRPC hop. */
export const ERROR_CODE_METADATA_KEY = 'x-error-code';
export const ERROR_KIND_METADATA_KEY = 'x-error-kind';
export const ERROR_VIOLATIONS_METADATA_KEY = 'x-error-violations';

export function grpcCodeForKind(kind: ErrorKind): GrpcCodeValue {
  switch (kind) {
    case 'validation':
    case 'too-large':
    case 'headers-too-large':
    case 'unsupported-media-type':
      return GrpcCode.INVALID_ARGUMENT;
    case 'unauthenticated':
      return GrpcCode.UNAUTHENTICATED;
    case 'forbidden':
      return GrpcCode.PERMISSION_DENIED;
    case 'not-found':
      return GrpcCode.NOT_FOUND;
    case 'conflict':
      return GrpcCode.ALREADY_EXISTS;
    case 'precondition':
      return GrpcCode.FAILED_PRECONDITION;
    case 'rate-limited':
      return GrpcCode.RESOURCE_EXHAUSTED;
    case 'unavailable':
      return GrpcCode.UNAVAILABLE;
    case 'deadline':
    case 'request-timeout':
      return GrpcCode.DEADLINE_EXCEEDED;
    case 'internal':
      return GrpcCode.INTERNAL;
  }
}

/** Used when a peer sent a status without our metadata (e.g. a transport failure). */
function kindForGrpcCode(code: number): ErrorKind {
  switch (code) {
    case GrpcCode.INVALID_ARGUMENT:
    case GrpcCode.OUT_OF_RANGE:
      return 'validation';
    case GrpcCode.UNAUTHENTICATED:
      return 'unauthenticated';
    case GrpcCode.PERMISSION_DENIED:
      return 'forbidden';
    case GrpcCode.NOT_FOUND:
      return 'not-found';
    case GrpcCode.ALREADY_EXISTS:
    case GrpcCode.ABORTED:
      return 'conflict';
    case GrpcCode.FAILED_PRECONDITION:
      return 'precondition';
    case GrpcCode.RESOURCE_EXHAUSTED:
      return 'rate-limited';
    case GrpcCode.UNAVAILABLE:
    case GrpcCode.CANCELLED:
      return 'unavailable';
    case GrpcCode.DEADLINE_EXCEEDED:
      return 'deadline';
    default:
      return 'internal';
  }
}

const FALLBACK_CODE: Record<ErrorKind, string> = {
  validation: PlatformErrorCode.InvalidBody,
  unauthenticated: PlatformErrorCode.Unauthenticated,
  forbidden: PlatformErrorCode.RegionForbidden,
  'not-found': PlatformErrorCode.NotFound,
  conflict: 'REQUEST.CONFLICT',
  precondition: 'REQUEST.PRECONDITION_FAILED',
  'too-large': PlatformErrorCode.TooLarge,
  'headers-too-large': PlatformErrorCode.HeadersTooLarge,
  'request-timeout': PlatformErrorCode.Timeout,
  'unsupported-media-type': PlatformErrorCode.UnsupportedMediaType,
  'rate-limited': PlatformErrorCode.RateLimited,
  unavailable: PlatformErrorCode.Unavailable,
  deadline: PlatformErrorCode.DeadlineExceeded,
  internal: PlatformErrorCode.Internal,
};

export interface GrpcErrorShape {
  code: number;
  details: string;
  /** Flat string map; the grpc lib turns it into Metadata. */
  metadata: Record<string, string>;
}

/** How many violations were left out of `x-error-violations` to keep it within its budget (absent: none). */
export const ERROR_VIOLATIONS_OMITTED_METADATA_KEY = 'x-error-violations-omitted';

/**
 * Bounds of what an error puts in gRPC headers. Messages and field names echo client input (an
 * unknown record type, an id, an unknown JSON key of any length), and gRPC peers refuse header
 * blocks past a few KiB — gRPC core and grpc-java at 8 KiB by default; a grpc-js client met a
 * 400 KiB violation list as a protocol error, i.e. INTERNAL (the gRPC fuzz, ADR 0075). Escaped
 * as ASCII a character takes up to 6 bytes, so: the message at most 300 characters (≤ 1.8 KiB),
 * each violation's field and message at most 200, and the list at most 4 KiB, later violations
 * left out and counted.
 */
export const MAX_ERROR_DETAILS_CHARS = 300;
export const MAX_VIOLATION_TEXT_CHARS = 200;
export const MAX_VIOLATIONS_METADATA_BYTES = 4096;

export function domainErrorToGrpc(error: DomainError): GrpcErrorShape {
  const metadata: Record<string, string> = {
    [ERROR_CODE_METADATA_KEY]: error.code,
    [ERROR_KIND_METADATA_KEY]: error.kind,
  };
  if (error.violations.length > 0) {
    const { json, omitted } = boundedViolations(error.violations);
    metadata[ERROR_VIOLATIONS_METADATA_KEY] = json;
    if (omitted > 0) metadata[ERROR_VIOLATIONS_OMITTED_METADATA_KEY] = String(omitted);
  }
  return { code: grpcCodeForKind(error.kind), details: asciiJson(clip(error.message, MAX_ERROR_DETAILS_CHARS)), metadata };
}

/** The violations as ASCII JSON (metadata values must be ASCII: \u escapes keep Chinese intact), within the budget. */
function boundedViolations(violations: readonly FieldViolation[]): { json: string; omitted: number } {
  const clipped = violations.map((v) => ({ ...v, field: clip(v.field, MAX_VIOLATION_TEXT_CHARS), message: clip(v.message, MAX_VIOLATION_TEXT_CHARS) }));
  let kept = clipped.length;
  let json = asciiJson(clipped);
  while (json.length > MAX_VIOLATIONS_METADATA_BYTES && kept > 1) json = asciiJson(clipped.slice(0, --kept));
  return { json, omitted: clipped.length - kept };
}

/** At most `max` characters, an ellipsis marking a cut; never a lone surrogate half at the cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

export function domainErrorFromGrpc(code: number, details: string, metadata: Record<string, string | undefined>): DomainError {
  const kindFromPeer = metadata[ERROR_KIND_METADATA_KEY] as ErrorKind | undefined;
  const kind = kindFromPeer ?? kindForGrpcCode(code);
  const errorCode = metadata[ERROR_CODE_METADATA_KEY] ?? (code === GrpcCode.UNIMPLEMENTED ? PlatformErrorCode.Unimplemented : FALLBACK_CODE[kind]);
  const violations = parseViolations(metadata[ERROR_VIOLATIONS_METADATA_KEY]);
  return new DomainError(errorCode, kind, parseMessage(details, kindFromPeer !== undefined), violations);
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseMessage(details: string, fromOurPeer: boolean): string {
  if (!fromOurPeer) return details || 'The upstream service failed.';
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'string' ? parsed : details;
  } catch {
    return details;
  }
}

function parseViolations(raw: string | undefined): FieldViolation[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as FieldViolation[]) : [];
  } catch {
    return [];
  }
}
