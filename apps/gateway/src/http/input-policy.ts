import { FieldViolation, nulCharacterViolations, NUL_CHARACTER } from '@platform/errors';

/**
 * The edge input policy's pure pieces (docs/architecture.md "Errors"): JSON nesting is bounded
 * before anything parses or transforms it, and no string reaching a service carries U+0000.
 */

/** Deepest JSON nesting (objects and arrays) accepted; no API document comes close. */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Scans raw JSON (or NDJSON with `perLine`) bytes without parsing and returns where nesting first
 * goes deeper than `limit` — the 1-based line for NDJSON, 0 for a single document — or undefined.
 * Brackets inside strings do not count; UTF-8 continuation bytes never equal an ASCII delimiter.
 * Malformed input is not judged here (the parser does that); only depth is.
 */
export function jsonDepthExceeded(body: Uint8Array, limit = MAX_JSON_DEPTH, perLine = false): number | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (perLine && byte === NEWLINE) {
      line += 1;
      depth = 0;
      inString = false;
      continue;
    }
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > limit) return perLine ? line : 0;
    } else if ((byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) && depth > 0) depth -= 1;
  }
  return undefined;
}

/**
 * The NUL characters in an NDJSON batch that collection cannot even report, by line (1-based, as
 * collection numbers them): a raw 0x00 byte (the whole body is stored as text, which PostgreSQL
 * refuses: a 500) names the line; a `\u0000` escape in a field *name* names the field (collection
 * reports fields by name, so such a line was neither stored nor reported). A `\u0000` escape in a
 * string *value* is left to collection, which rejects that line alone (NUL_CHARACTER) and stores
 * the others; a line that is not JSON is left to collection too.
 */
export function ndjsonNulViolations(body: string): FieldViolation[] {
  if (!body.includes('\u0000') && !body.includes('\\u0000')) return [];
  return body.split('\n').flatMap((text, i) => {
    const at = `line[${i + 1}]`;
    if (text.includes('\u0000')) return [{ field: at, message: 'must not contain the NUL character (U+0000)', code: NUL_CHARACTER }];
    if (!text.includes('\\u0000')) return [];
    try {
      return nulKeyViolations(JSON.parse(text), at);
    } catch {
      return [];
    }
  });
}

/** Field names holding U+0000, at any depth up to MAX_JSON_DEPTH, named by their JSON path. */
function nulKeyViolations(value: unknown, at: string, depth = 0): FieldViolation[] {
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulKeyViolations(item, `${at}[${i}]`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const field = `${at}.${key.replace(/\u0000/g, '\\u0000')}`;
    const own = key.includes('\u0000') ? [{ field, message: 'a field name must not contain the NUL character (U+0000)', code: NUL_CHARACTER }] : [];
    return [...own, ...nulKeyViolations(item, field, depth + 1)];
  });
}

/**
 * NUL characters in the request target: each path segment, percent-decoded (a segment that does
 * not decode is left to the router), and every query key and value (`query.<name>`).
 */
export function requestTargetNulViolations(path: string, query: unknown): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (path.includes('%00') || path.includes('\u0000')) {
    for (const segment of path.split('/')) {
      if (safeDecode(segment).includes('\u0000')) {
        violations.push({ field: '(path)', message: 'a path segment must not contain the NUL character (U+0000)', code: NUL_CHARACTER });
        break;
      }
    }
  }
  if (query !== null && typeof query === 'object' && Object.keys(query).length > 0) violations.push(...nulCharacterViolations(query, 'query'));
  return violations;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
