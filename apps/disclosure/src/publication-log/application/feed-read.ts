import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { RecordChangesErrorCode } from '../domain/publication-log-errors';

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;
/**
 * Entries examined per read. Most concern other regions' enterprises: the scan stops here and
 * the reader resumes after it, so one read stays bounded however rare the caller's changes are.
 */
export const SCAN_WINDOW = 5000;

/** A feed read as checked: after which position, the USCC pattern of the caller's region (positions 3–8), how many. */
export interface FeedRead {
  after: string;
  usccRegionPattern: string;
  limit: number;
}

/**
 * The checks every exchange feed read of disclosure makes (ADR 0079, ADR 0085): exchange:read, a
 * position, a caller with a region of its own; the limit defaulted and capped.
 */
export function feedReadOf(principal: Principal, query: { after: string; limit: number }): FeedRead {
  assertScope(principal, Scopes.ExchangeRead);
  const after = query.after || '0';
  if (!/^\d{1,18}$/.test(after)) invalid('after', 'must be a position (a non-negative integer)');
  const region = parseRegionCode(principal.region);
  if (!region.ok) invalid('region', 'the caller has no region of its own');
  const limit = query.limit > 0 ? Math.min(query.limit, MAX_LIMIT) : DEFAULT_LIMIT;
  return { after, usccRegionPattern: `${regionPrefix(region.value)}%`, limit };
}

/** A full page stops at its last change (more may follow within the window); otherwise the whole window was examined. */
export function nextOf(read: FeedRead, changes: readonly { position: string }[], scannedTo: string | null): string {
  return changes.length === read.limit ? changes[changes.length - 1].position : (scannedTo ?? read.after);
}

function invalid(field: string, message: string): never {
  throw DomainError.validation(RecordChangesErrorCode.InvalidFeedPosition, [{ field, message, code: 'INVALID' }]);
}
