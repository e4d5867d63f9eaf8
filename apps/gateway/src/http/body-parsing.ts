import type { INestApplication } from '@nestjs/common';
import { json, text, urlencoded, NextFunction, Request, Response } from 'express';
import { DomainError, nulCharacterViolations, PlatformErrorCode } from '@platform/errors';
import { Logger } from '@nestjs/common';
import { toDomainError, writeProblem } from './problem-details.filter';

/** API.md: single bodies up to 1 MiB, NDJSON batches up to 20 MiB. */
export const SINGLE_BODY_LIMIT = 1024 * 1024;
export const BATCH_BODY_LIMIT = 20 * 1024 * 1024;

const BATCH_PATH = /^\/api\/v1\/credit-records\/batches\/?$/;
const TOKEN_PATH = /^\/api\/v1\/auth\/token\/?$/;

/**
 * Body parsing with per-route media types and limits. A write with the wrong Content-Type is a
 * 415 before anything is read; parser failures (bad JSON, too large) become problem+json here,
 * because they happen before Nest's exception filters see the request.
 */
export function configureBodyParsing(app: INestApplication): void {
  app.use(requireMediaType);
  app.use(json({ limit: SINGLE_BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(urlencoded({ limit: '16kb', extended: false, type: 'application/x-www-form-urlencoded' }));
  app.use(text({ limit: BATCH_BODY_LIMIT, type: ['application/x-ndjson', 'application/jsonl'] }));
  app.use(refuseNulCharacters);
  const logger = new Logger('BodyParsing');
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    writeProblem(response, request, toDomainError(error, logger));
  });
}

/**
 * A JSON body with U+0000 in a string is refused whole with every offending field named (400
 * REQUEST.INVALID): no service could store it. NDJSON batches are checked per line by collection,
 * so one such line is rejected and the others are stored.
 */
function refuseNulCharacters(request: Request, response: Response, next: NextFunction): void {
  if (typeof request.body !== 'object' || request.body === null) return next();
  const violations = nulCharacterViolations(request.body);
  if (violations.length === 0) return next();
  writeProblem(response, request, DomainError.validation(PlatformErrorCode.InvalidBody, violations));
}

function requireMediaType(request: Request, response: Response, next: NextFunction): void {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return next();
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
