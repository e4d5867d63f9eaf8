import { DomainError, FieldViolation } from '@platform/errors';
import type { RawSubmission } from '../../records/domain/record-submission';
import { BatchErrorCode } from './batch-errors';

/** API.md: a batch holds at most 10,000 lines; larger ones are refused whole. */
export const MAX_BATCH_LINES = 10_000;

export interface BatchLine {
  /** 1-based line number in the body as sent (blank lines keep their numbers). */
  line: number;
  text: string;
}

/** The non-blank lines of an NDJSON body, refusing an empty or oversized batch whole. */
export function splitBatch(body: string): BatchLine[] {
  const lines = body.split('\n').flatMap((text, i) => (text.trim() ? [{ line: i + 1, text: text.replace(/\r$/, '') }] : []));
  if (lines.length === 0) throw DomainError.validation(BatchErrorCode.Empty, [{ field: '(body)', message: 'the batch has no lines', code: 'EMPTY' }]);
  if (lines.length > MAX_BATCH_LINES) {
    throw new DomainError(BatchErrorCode.TooManyLines, 'too-large', `A batch holds at most ${MAX_BATCH_LINES} lines; this one has ${lines.length}.`, [
      { field: '(body)', message: `${lines.length} lines, at most ${MAX_BATCH_LINES}`, code: 'TOO_MANY_LINES' },
    ]);
  }
  return lines;
}

const LINE_FIELDS = ['recordType', 'subject', 'region', 'severity', 'decisionDate', 'documentNumber', 'sourceRecordId', 'payload'] as const;
const STRING_FIELDS = ['recordType', 'region', 'severity', 'decisionDate', 'documentNumber', 'sourceRecordId'] as const;

export type ParsedLine = { ok: true; raw: RawSubmission } | { ok: false; violations: FieldViolation[] };

/** One NDJSON line (the REST body's shape) → the submission collection validates. */
export function parseBatchLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, violations: [{ field: '(line)', message: 'is not valid JSON', code: 'MALFORMED_JSON' }] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, violations: [{ field: '(line)', message: 'must be a JSON object', code: 'NOT_AN_OBJECT' }] };
  const line = value as Record<string, unknown>;
  const violations: FieldViolation[] = Object.keys(line)
    .filter((key) => !(LINE_FIELDS as readonly string[]).includes(key))
    .map((key) => ({ field: key, message: 'is not a field of a credit record', code: 'UNKNOWN_FIELD' }));
  for (const key of STRING_FIELDS) {
    if (line[key] !== undefined && typeof line[key] !== 'string') violations.push({ field: key, message: 'must be a string', code: 'NOT_A_STRING' });
  }
  const subject = line['subject'] as Record<string, unknown> | undefined;
  if (subject !== undefined && (typeof subject !== 'object' || subject === null || ['kind', 'id', 'name'].some((k) => typeof subject[k] !== 'string'))) {
    violations.push({ field: 'subject', message: 'must be { kind, id, name } strings', code: 'INVALID_SUBJECT' });
  }
  if (line['payload'] !== undefined && (typeof line['payload'] !== 'object' || line['payload'] === null || Array.isArray(line['payload']))) {
    violations.push({ field: 'payload', message: 'must be a JSON object', code: 'INVALID_PAYLOAD' });
  }
  if (violations.length > 0) return { ok: false, violations };
  const text_ = (key: (typeof STRING_FIELDS)[number]) => (line[key] as string | undefined) ?? '';
  return {
    ok: true,
    raw: {
      recordType: text_('recordType'),
      subject: subject as RawSubmission['subject'],
      region: text_('region'),
      severity: text_('severity'),
      decisionDate: text_('decisionDate'),
      documentNumber: text_('documentNumber'),
      sourceRecordId: text_('sourceRecordId'),
      payloadJson: line['payload'] === undefined ? '' : JSON.stringify(line['payload']),
      idempotencyKey: '',
    },
  };
}
