import type { RegistrationKind } from '../domain/registration-kind';
import type { UpsertOutcome } from './registry-writer';
import type { RegistrationView } from './registration-view';

/** PUT /api/v1/registry/{kind}s/{key}, or one import line: the key and the body as sent (JSON). */
export interface PutRegistrationCommand {
  kind: RegistrationKind;
  key: string;
  body: Record<string, unknown>;
  /** Optional (API.md conventions): a retry replays the first answer; the key with another body is refused (422). */
  idempotencyKey?: string;
}

export interface PutRegistrationResult {
  view: RegistrationView;
  /** created | updated (revision + 1, one event) | unchanged (same content: no revision, no event). */
  outcome: UpsertOutcome;
  /** The first answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}
