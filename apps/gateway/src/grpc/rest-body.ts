import { DomainError, nulCharacterViolations, PlatformErrorCode } from '@platform/errors';
import { BATCH_BODY_LIMIT, SINGLE_BODY_LIMIT, tooDeepError } from '../http/body-parsing';
import { ndjsonNulViolations } from '../http/input-policy';
import { fromBodyParserError } from '../http/problem-details.filter';

/**
 * The JSON object REST would have as its body, held to REST's body rules (body-parsing.ts): at most
 * 1 MiB, nested at most 64 levels, valid JSON, an object, no U+0000 in any string — each refused
 * with REST's code. An empty document is an empty body.
 */
export function jsonBody(json: string, field = 'bodyJson'): object {
  const bytes = Buffer.from(json || '{}');
  if (bytes.length > SINGLE_BODY_LIMIT) throw fromBodyParserError({ type: 'entity.too.large', limit: SINGLE_BODY_LIMIT }) as DomainError;
  const deep = tooDeepError(bytes, false);
  if (deep) throw deep;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fromBodyParserError({ type: 'entity.parse.failed' }) as DomainError;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field, message: 'must be a JSON object', code: 'NOT_AN_OBJECT' }]);
  }
  const violations = nulCharacterViolations(value);
  if (violations.length > 0) throw DomainError.validation(PlatformErrorCode.InvalidBody, violations);
  return value;
}

/** An NDJSON batch held to REST's batch rules: at most 20 MiB, lines nested at most 64 levels, no NUL REST would refuse. */
export function ndjsonBody(ndjson: string): string {
  const bytes = Buffer.from(ndjson);
  if (bytes.length > BATCH_BODY_LIMIT) throw fromBodyParserError({ type: 'entity.too.large', limit: BATCH_BODY_LIMIT }) as DomainError;
  const deep = tooDeepError(bytes, true);
  if (deep) throw deep;
  const violations = ndjsonNulViolations(ndjson);
  if (violations.length > 0) throw DomainError.validation(PlatformErrorCode.InvalidBody, violations);
  return ndjson;
}
