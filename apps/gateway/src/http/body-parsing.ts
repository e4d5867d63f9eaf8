import type { INestApplication } from '@nestjs/common';
import { json, raw, text, urlencoded, NextFunction, Request, Response } from 'express';
import { MAX_STORED_FILE_BYTES } from '@platform/files';
import { DomainError, nulCharacterViolations, PlatformErrorCode } from '@platform/errors';
import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { toDomainError, writeProblem } from './problem-details.filter';
import { jsonDepthExceeded, MAX_JSON_DEPTH, ndjsonNulViolations, requestTargetNulViolations } from './input-policy';

/** API.md: single bodies up to 1 MiB, NDJSON batches up to 20 MiB. */
export const SINGLE_BODY_LIMIT = 1024 * 1024;
export const BATCH_BODY_LIMIT = 20 * 1024 * 1024;

/** NDJSON bodies: record batches and registry imports. */
const BATCH_PATH = /^\/api\/v1\/(?:credit-records\/batches|registry\/imports)\/?$/;
const TOKEN_PATH = /^\/api\/v1\/auth\/token\/?$/;
/**
 * File uploads (ADR 0076): the raw bytes, whatever Content-Type is declared; the service sniffs
 * the type from the content and never trusts the header. A partner's repair evidence too (ADR 0088).
 */
export const FILE_UPLOAD_PATH = /^\/(?:api\/v1\/(?:permit-attachments|repair-evidence)|exchange\/v1\/repair-evidence)\/?$/;

/**
 * Body parsing with per-route media types and limits. A write with the wrong Content-Type is a
 * 415 before anything is read; parser failures (bad JSON, too large) become problem+json here,
 * because they happen before Nest's exception filters see the request.
 */
export function configureBodyParsing(app: INestApplication): void {
  app.use(refuseNulInRequestTarget);
  app.use(requireMediaType);
  app.use(raw({ limit: MAX_STORED_FILE_BYTES, type: (request) => FILE_UPLOAD_PATH.test((request as Request).path) }));
  app.use(json({ limit: SINGLE_BODY_LIMIT, type: ['application/json', 'application/*+json'], verify: refuseDeepJson(false) }));
  app.use(urlencoded({ limit: '16kb', extended: false, type: 'application/x-www-form-urlencoded' }));
  app.use(text({ limit: BATCH_BODY_LIMIT, type: ['application/x-ndjson', 'application/jsonl'], verify: refuseDeepJson(true) }));
  app.use(refuseNulCharacters);
  const logger = new Logger('BodyParsing');
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    writeProblem(response, request, toDomainError(error, logger));
  });
}

/**
 * A JSON body with U+0000 in a string is refused whole with every offending field named (400
 * REQUEST.INVALID): no service could store it. NDJSON batches are checked by line below.
 */
function refuseNulCharacters(request: Request, response: Response, next: NextFunction): void {
  if (Buffer.isBuffer(request.body)) return next();
  if (typeof request.body === 'string') return refuseNulInBatch(request, response, next);
  if (typeof request.body !== 'object' || request.body === null) return next();
  const violations = nulCharacterViolations(request.body);
  if (violations.length === 0) return next();
  writeProblem(response, request, DomainError.validation(PlatformErrorCode.InvalidBody, violations));
}

/**
 * An NDJSON batch that collection could not store or report is refused whole, naming each line
 * and field: a raw NUL byte (the body is stored as text: it was a 500), or `\u0000` in a field
 * name. A NUL escape in a string value stays a per-line rejection by collection (ndjsonNulViolations).
 */
function refuseNulInBatch(request: Request, response: Response, next: NextFunction): void {
  const violations = ndjsonNulViolations(request.body as string);
  if (violations.length === 0) return next();
  writeProblem(response, request, DomainError.validation(PlatformErrorCode.InvalidBody, violations));
}

/** A path segment or query parameter carrying U+0000 (`%00`) is refused before any route sees it. */
function refuseNulInRequestTarget(request: Request, response: Response, next: NextFunction): void {
  const violations = requestTargetNulViolations(request.path, request.query);
  if (violations.length === 0) return next();
  writeProblem(response, request, DomainError.validation(PlatformErrorCode.InvalidBody, violations));
}

/**
 * body-parser's `verify` hook sees the raw bytes before JSON.parse: a document nested deeper than
 * MAX_JSON_DEPTH is refused there (400 REQUEST.TOO_DEEP), so neither the parser nor
 * class-transformer recurses into it (5,000 levels overflowed the stack: a 500).
 */
function refuseDeepJson(perLine: boolean): (request: IncomingMessage, response: unknown, body: Buffer) => void {
  return (_request, _response, body) => {
    const error = tooDeepError(body, perLine);
    if (error) throw error;
  };
}

/** The refusal of a JSON document (or NDJSON line) nested deeper than MAX_JSON_DEPTH; undefined when it is not. */
export function tooDeepError(body: Uint8Array, perLine: boolean): DomainError | undefined {
  const at = jsonDepthExceeded(body, MAX_JSON_DEPTH, perLine);
  if (at === undefined) return undefined;
  const field = perLine ? `line[${at}]` : '(body)';
  return DomainError.validation(
    PlatformErrorCode.TooDeep,
    [{ field, message: `nested deeper than ${MAX_JSON_DEPTH} levels`, code: 'TOO_DEEP' }],
    `JSON may nest at most ${MAX_JSON_DEPTH} levels.`,
  );
}

function requireMediaType(request: Request, response: Response, next: NextFunction): void {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method) || FILE_UPLOAD_PATH.test(request.path)) return next();
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody && !request.headers['content-type']) return next();
  const allowed = allowedTypes(request.path);
  if (request.is(allowed)) return next();
  writeProblem(
    response,
    request,
    new DomainError(PlatformErrorCode.UnsupportedMediaType, 'unsupported-media-type', `Content-Type must be one of: ${allowed.join(', ')}.`, [
      { field: 'Content-Type', message: `got ${request.headers['content-type'] ?? 'none'}`, code: 'UNSUPPORTED_MEDIA_TYPE' },
    ]),
  );
}

function allowedTypes(path: string): string[] {
  if (BATCH_PATH.test(path)) return ['application/x-ndjson', 'application/jsonl'];
  if (TOKEN_PATH.test(path)) return ['application/x-www-form-urlencoded', 'application/json'];
  return ['application/json', 'application/*+json'];
}
