import { DomainError } from '@platform/errors';
import { RecordErrorCode } from './record-errors';

/** Keyset position in a list ordered by (date DESC, id DESC): stable under concurrent inserts. */
export interface ListPosition {
  date: string;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.date, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names; a cursor the caller made up is a 400, not a 500. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(String(value[0])) && /^[0-9a-f-]{36}$/i.test(String(value[1]))) {
      return { date: String(value[0]), id: String(value[1]) };
    }
  } catch {
    // fall through
  }
  throw DomainError.validation(RecordErrorCode.InvalidCursor, [{ field: 'cursor', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' }]);
}

export function pageSize(limit: number): number {
  if (!limit) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw DomainError.validation(RecordErrorCode.InvalidLimit, [{ field: 'limit', message: `must be 1 to ${MAX_PAGE_SIZE}`, code: 'OUT_OF_RANGE' }]);
  }
  return limit;
}
