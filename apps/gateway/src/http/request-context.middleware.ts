import type { NextFunction, Request, Response } from 'express';
import { injectTraceHeaders } from '@platform/telemetry';

/** Every response carries its request id and W3C traceparent (API.md conventions). */
export function requestContext(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Request-Id', String(request.id ?? ''));
  const { traceparent } = injectTraceHeaders();
  if (traceparent) response.setHeader('traceparent', traceparent);
  next();
}
