import type { NextFunction, Request, Response } from 'express';
import { httpHandled } from '@platform/telemetry';

/**
 * Records every request the gateway answers through Express in `http_server_request_duration_seconds`,
 * by method, route template (never the raw path: ids would explode the series) and status. Cached
 * public profiles answered ahead of Express (ADR 0032) are not in it.
 */
export function recordRequestDuration(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.once('finish', () => {
    const template = (request.route as { path?: string } | undefined)?.path;
    const route = template ? `${request.baseUrl}${template}` : 'unmatched';
    httpHandled.observe({ method: request.method, route, status: String(response.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
  });
  next();
}
