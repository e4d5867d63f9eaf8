import { parseUscc, toHalfWidth } from '@domain/identifiers';
import type { FieldViolation } from '@platform/errors';

export const MAX_QUERY_LENGTH = 50;

/** What the public typed, understood: an exact USCC, or part of an enterprise's name. */
export type SearchQuery = { kind: 'uscc'; uscc: string } | { kind: 'name'; likePattern: string };

/**
 * Trims and normalises (full-width to half-width, runs of spaces), then decides: 18 characters
 * that pass the GB 32100 check are a USCC; anything else is matched as a literal part of the
 * name — `%`, `_` and `\` are escaped, so wildcards and SQL metacharacters are just characters.
 */
export function parseSearchQuery(raw: string): { value?: SearchQuery; violations: FieldViolation[] } {
  const q = toHalfWidth(raw).trim().replace(/\s+/g, ' ');
  if (!q) return { violations: [{ field: 'q', message: 'is required: a name or a unified social credit code', code: 'REQUIRED' }] };
  if ([...q].length > MAX_QUERY_LENGTH) return { violations: [{ field: 'q', message: `at most ${MAX_QUERY_LENGTH} characters`, code: 'TOO_LONG' }] };
  if (/^[0-9A-Za-z]{18}$/.test(q)) {
    const uscc = parseUscc(q);
    if (uscc.ok) return { value: { kind: 'uscc', uscc: uscc.value }, violations: [] };
  }
  return { value: { kind: 'name', likePattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }, violations: [] };
}
