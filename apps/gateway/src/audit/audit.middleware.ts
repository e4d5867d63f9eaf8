import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '@platform/auth';
import { maskCitizenIdsInText } from '@domain/identifiers';
import { currentTraceId } from '@platform/telemetry';
import type { AuditLog } from './audit-log';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Answered requests whose record is kept by the service that answered them, so an audit row
 * would only repeat it on the hot path: a decision (200) is logged by joint measures with who
 * asked, when and the outcome (ADR 0035). Refused ones (4xx, 503) never reach that log and are
 * audited here as before.
 */
const RECORDED_UPSTREAM: { method: string; path: RegExp; status: number }[] = [{ method: 'POST', path: /^\/api\/v1\/measures\/decisions\/?$/, status: 200 }];

/**
 * Every write through the REST face leaves an audit row (who, what, when, outcome, trace id),
 * refused ones included: a forbidden attempt is exactly what an auditor wants to see. It is the
 * first Express middleware, so writes refused by body parsing (413, 415, bad JSON) are audited too.
 * The gRPC face audits its calls through the same AuditLog (GrpcFace).
 */
export class AuditMiddleware {
  constructor(private readonly auditLog: AuditLog) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    if (!WRITE_METHODS.has(request.method)) return next();
    const traceId = currentTraceId() ?? null;
    response.on('finish', () => {
      if (recordedUpstream(request, response.statusCode)) return;
      const principal = (request as Request & { user?: Principal }).user;
      this.auditLog.record({
        at: new Date(),
        clientId: principal?.clientId ?? null,
        method: request.method,
        // A path may name a person (PUT /api/v1/registry/drivers/{citizenId}): the audit log keeps it masked.
        path: maskCitizenIdsInText(request.originalUrl.split('?')[0]).slice(0, 500),
        status: response.statusCode,
        traceId,
        requestId: String(request.id ?? '') || null,
        idempotencyKey: request.header('Idempotency-Key')?.slice(0, 200) ?? null,
      });
    });
    next();
  };
}

function recordedUpstream(request: Request, status: number): boolean {
  return RECORDED_UPSTREAM.some((r) => r.status === status && r.method === request.method && r.path.test(request.path));
}
