import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { isCreditListType, type CreditListType } from '@domain/credit';
import type { Principal } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError, type FieldViolation } from '@platform/errors';
import type { DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import type { ListEntry } from '../domain/list-entry';
import { ListEntryErrorCode } from '../domain/list-errors';

/** What a list write answers: the entry, and whether this is the first answer to a retried request. */
export interface ListWriteResult {
  entry: ListEntry;
  /** The answer to a retried Idempotency-Key (or a partner entry imported before), as first given. */
  replayed: boolean;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today's civil date in China. */
export const today = () => chinaDateOf(new Date());

export function invalid(violations: FieldViolation[]): never {
  throw DomainError.validation(ListEntryErrorCode.Invalid, violations);
}

export function listTypeOf(value: string): CreditListType {
  if (!isCreditListType(value)) invalid([{ field: 'listType', message: `unknown list type "${value}"` }]);
  return value;
}

/**
 * Runs a list write once per client and Idempotency-Key (`runIdempotent`, API.md: a retried key
 * returns the first answer; the same key for a different request is refused, 422
 * REQUEST.IDEMPOTENCY_KEY_REUSED). The key is stored with the answer in the write's transaction;
 * a write that failed stored nothing, so its retry is tried again. After the commit this replica
 * drops the subject from its decision cache at once (the others do when the NOTIFY reaches them):
 * a decision asked here right after an entry took effect sees it.
 */
export async function writeListEntryOnce(
  dataSource: DataSource,
  cache: DecisionFactsCache,
  principal: Principal,
  idempotency: { key: string | undefined; operation: string; request: unknown },
  write: (manager: EntityManager) => Promise<ListEntry>,
): Promise<ListWriteResult> {
  const { answer, replayed } = await dataSource.transaction((manager) =>
    runIdempotent(manager, { clientId: principal.clientId, key: idempotency.key, operation: idempotency.operation, request: idempotency.request }, () =>
      write(manager),
    ),
  );
  if (!replayed) cache.invalidate(answer.subject.id);
  return { entry: answer, replayed };
}
