import { DomainError, FieldViolation } from '@platform/errors';
import { asObject } from './field-checks';
import { isRegistrationKind, REGISTRATION_KINDS, type RegistrationKind } from './registration-kind';
import { RegistryErrorCode } from './registry-errors';

/**
 * An import holds at most this many lines. Imports are answered synchronously, line by line
 * (each line its own transaction), so the bound keeps one call well inside the gateway's deadline.
 */
export const MAX_IMPORT_LINES = 1_000;

export interface ImportLine {
  /** 1-based line number in the body as sent (blank lines keep their numbers). */
  line: number;
  text: string;
}

export type ParsedImportLine =
  { ok: true; kind: RegistrationKind; key: string; body: Record<string, unknown> } | { ok: false; kind: string; key: string; violations: FieldViolation[] };

/** The non-blank lines of an NDJSON import, refusing an empty or oversized one whole. */
export function splitImport(body: string): ImportLine[] {
  const lines = body.split('\n').flatMap((text, i) => (text.trim() ? [{ line: i + 1, text: text.replace(/\r$/, '') }] : []));
  if (lines.length === 0) throw DomainError.validation(RegistryErrorCode.ImportEmpty, [{ field: '(body)', message: 'the import has no lines', code: 'EMPTY' }]);
  if (lines.length > MAX_IMPORT_LINES) {
    throw new DomainError(RegistryErrorCode.ImportTooLarge, 'too-large', `An import holds at most ${MAX_IMPORT_LINES} lines; this one has ${lines.length}.`, [
      { field: '(body)', message: `${lines.length} lines, at most ${MAX_IMPORT_LINES}`, code: 'TOO_MANY_LINES' },
    ]);
  }
  return lines;
}

/** One line: `{ "kind": "enterprise|vehicle|driver|vessel", "key": "…", "registration": { …the PUT body… } }`. */
export function parseImportLine(text: string): ParsedImportLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, kind: '', key: '', violations: [{ field: '(line)', message: 'is not valid JSON', code: 'MALFORMED_JSON' }] };
  }
  const line = asObject(value);
  if (!line) return { ok: false, kind: '', key: '', violations: [{ field: '(line)', message: 'must be a JSON object', code: 'NOT_AN_OBJECT' }] };
  const violations: FieldViolation[] = Object.keys(line)
    .filter((k) => !['kind', 'key', 'registration'].includes(k))
    .map((k) => ({ field: k, message: 'is not a field of an import line (kind, key, registration)', code: 'UNKNOWN_FIELD' }));
  const kind = typeof line.kind === 'string' ? line.kind : '';
  const key = typeof line.key === 'string' ? line.key.trim() : '';
  if (!isRegistrationKind(line.kind)) violations.push({ field: 'kind', message: `must be one of ${REGISTRATION_KINDS.join(', ')}`, code: 'UNKNOWN_KIND' });
  if (!key) violations.push({ field: 'key', message: 'is required: the USCC, "<plate>:<colour>", citizen ID or ship identification number', code: 'REQUIRED' });
  const body = asObject(line.registration);
  if (!body) violations.push({ field: 'registration', message: 'must be a JSON object (the PUT body)', code: 'NOT_AN_OBJECT' });
  if (violations.length > 0 || !body || !isRegistrationKind(line.kind)) return { ok: false, kind, key, violations };
  return { ok: true, kind: line.kind, key, body };
}
