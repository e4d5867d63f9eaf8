import type { Response } from 'express';
import { DomainError } from '@platform/errors';

/**
 * Checks an `Idempotency-Key` header (API.md: writes accept it; a retried key returns the first
 * answer). The service behind the route keeps the key with its first answer; the gateway only
 * refuses a key that cannot be one.
 */
export function assertIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw DomainError.validation('REQUEST.INVALID_IDEMPOTENCY_KEY', [
      { field: 'Idempotency-Key', message: '1 to 200 visible ASCII characters', code: 'INVALID' },
    ]);
  }
}

/** Tells the caller that this answer is the first one, replayed for a retried key or reference. */
export function markReplayed(response: Response, replayed: boolean): void {
  if (replayed) response.setHeader('Idempotent-Replayed', 'true');
}
