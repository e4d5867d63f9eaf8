import { DomainError, PlatformErrorCode } from './domain-error';

/**
 * Failures that say a dependency (PostgreSQL, or any peer over TCP) cannot be reached right now,
 * not that the request or our code is wrong: a database restart, failover or exhausted
 * connection slots. They leave a service as `unavailable` (gRPC UNAVAILABLE, HTTP 503 with
 * Retry-After), which a client retries with its Idempotency-Key, instead of a 500 that reads as
 * a bug. Recognised by their codes, never by the driver's classes, so this package stays free of
 * pg and TypeORM (TypeORM's QueryFailedError copies the driver's `code`, and keeps the error as
 * `driverError`).
 */

/** SQLSTATE: class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Node's socket errors when the peer is down, restarting, or cut the connection. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * node-postgres and pg-pool signal a lost or unobtainable connection by message only (no code):
 * the server closed the socket, the pool's connectionTimeoutMillis passed, or a client whose
 * connection failed was used again.
 */
const UNAVAILABLE_DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

/** True when `exception` (or what it wraps: `driverError`, `cause`) is a dependency that cannot be reached. */
export function isDependencyUnavailable(exception: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = exception; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_DRIVER_MESSAGES.some((m) => m.test(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}

/** The error a dependency that cannot be reached becomes (its details stay in the log). */
export function dependencyUnavailable(): DomainError {
  return new DomainError(
    PlatformErrorCode.Unavailable,
    'unavailable',
    'A service the request needs is unavailable for a moment; retry it with the same Idempotency-Key.',
  );
}

/**
 * Seconds a client is told to wait before retrying a 503 (Retry-After): a PostgreSQL restart or
 * failover is over in seconds; a longer wait only slows the client down.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
