import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { DomainError } from '@platform/errors';

/**
 * One `Idempotency-Key` behaviour for every write in the platform (API.md conventions):
 * - the first answer is stored with a hash of the request, in the write's own transaction (a
 *   write that failed stores nothing, so its retry runs again);
 * - a retry with the same key, operation and request replays the first answer (`replayed`, shown
 *   to HTTP callers as `Idempotent-Replayed: true`);
 * - the same key with another operation or request is refused: 422 `REQUEST.IDEMPOTENCY_KEY_REUSED`;
 * - keys are scoped per client.
 *
 * Writes whose first answer is a row of their own (a credit record, a batch) keep the key and
 * request hash on that row and decide with `assertSameRequest`; every other write stores its
 * answer in `idempotency_keys` through `runIdempotent`.
 */
export const IdempotencyErrorCode = { KeyReused: 'REQUEST.IDEMPOTENCY_KEY_REUSED' } as const;

/** What a write is asked: the client's key (absent or blank: no idempotency), the use case and its input. */
export interface IdempotentRequest {
  clientId: string;
  key: string | null | undefined;
  /** The use case, e.g. `lists.propose`: one key never answers two different operations. */
  operation: string;
  /** The use case's input as the service understood it (JSON-serialisable). */
  request: unknown;
}

export interface IdempotentAnswer<T> {
  answer: T;
  /** True when `answer` is the first answer to an earlier request with this key. */
  replayed: boolean;
}

/** A stored request: its operation and the hash `requestHash` gave it. */
export interface StoredRequest {
  operation: string;
  requestHash: string;
}

/** SHA-256 of the operation and the request in canonical JSON (RFC 8785), so key order does not matter. */
export function requestHash(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(canonicalize({ operation, request: request ?? null }) ?? '')
    .digest('hex');
}

/** The key with surrounding blanks removed, or null when the caller sent none. */
export function normaliseIdempotencyKey(key: string | null | undefined): string | null {
  const trimmed = key?.trim();
  return trimmed ? trimmed : null;
}

/** Refuses a key that first answered another operation or another request (422). */
export function assertSameRequest(stored: StoredRequest, incoming: StoredRequest): void {
  if (stored.operation === incoming.operation && stored.requestHash === incoming.requestHash) return;
  throw new DomainError(
    IdempotencyErrorCode.KeyReused,
    'precondition',
    'This Idempotency-Key was used for a different request; use a new key for a new request.',
    [
      {
        field: 'Idempotency-Key',
        message:
          stored.operation === incoming.operation ? `already used for ${stored.operation} with a different body` : `already used for ${stored.operation}`,
        code: 'REUSED',
      },
    ],
  );
}

/**
 * Runs `write` once per client and key inside the caller's transaction (`manager`). A concurrent
 * retry of the same key waits on a transaction-scoped advisory lock for the first attempt, then
 * replays its answer. The answer is stored as JSON: return plain data (ISO strings, not Dates).
 */
export async function runIdempotent<T>(manager: EntityManager, request: IdempotentRequest, write: () => Promise<T>): Promise<IdempotentAnswer<T>> {
  const key = normaliseIdempotencyKey(request.key);
  if (!key) return { answer: await write(), replayed: false };
  const incoming = { operation: request.operation, requestHash: requestHash(request.operation, request.request) };
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency:${request.clientId}:${key}`]);
  const [earlier]: { operation: string; request_hash: string; answer: T }[] = await manager.query(
    `SELECT operation, request_hash, answer FROM idempotency_keys WHERE client_id = $1 AND idempotency_key = $2`,
    [request.clientId, key],
  );
  if (earlier) {
    assertSameRequest({ operation: earlier.operation, requestHash: earlier.request_hash }, incoming);
    return { answer: earlier.answer, replayed: true };
  }
  const answer = await write();
  await manager.query(`INSERT INTO idempotency_keys (client_id, idempotency_key, operation, request_hash, answer) VALUES ($1, $2, $3, $4, $5)`, [
    request.clientId,
    key,
    incoming.operation,
    incoming.requestHash,
    JSON.stringify(answer ?? null),
  ]);
  return { answer, replayed: false };
}

/** `idempotency_keys`, identical in every service schema that takes keyed writes (listed after the messaging tables). */
export class IdempotencyKeys1763700000001 implements MigrationInterface {
  name = 'IdempotencyKeys1763700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE idempotency_keys (
      client_id text NOT NULL,
      idempotency_key text NOT NULL,
      operation text NOT NULL,
      request_hash text NOT NULL,
      answer jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, idempotency_key)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
  }
}
