import type { FieldViolation } from './domain-error';

/** The violation code for a string PostgreSQL cannot store. */
export const NUL_CHARACTER = 'NUL_CHARACTER';

/**
 * PostgreSQL's text and jsonb cannot hold U+0000: a string with one fails its statement, and
 * without this check that surfaced as a 500 for what is the client's mistake (and would fail a
 * whole batch chunk). Walks `value` (strings, arrays, objects and their keys) and names every
 * offending field by its JSON path under `path`.
 */
export function nulCharacterViolations(value: unknown, path = ''): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) violations.push({ field: at || '(body)', message: 'must not contain the NUL character (U+0000)', code: NUL_CHARACTER });
      return;
    }
    if (node === null || typeof node !== 'object' || depth > 64) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`, depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const field = at ? `${at}.${key}` : key;
      if (key.includes('\u0000'))
        violations.push({
          field: field.replace(/\u0000/g, '\\u0000'),
          message: 'a field name must not contain the NUL character (U+0000)',
          code: NUL_CHARACTER,
        });
      visit(item, field, depth + 1);
    }
  };
  visit(value, path, 0);
  return violations;
}
