import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { injectTraceHeaders } from '@platform/telemetry';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Every response carries a request id (the caller's X-Request-Id when sane, else a new UUID;
 * the logs use the same id) and the W3C traceparent (API.md conventions).
 */
export function requestContext(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  const id = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as Request & { id: string }).id = id;
  response.setHeader('X-Request-Id', id);
  const { traceparent } = injectTraceHeaders();
  if (traceparent) response.setHeader('traceparent', traceparent);
  next();
}
