import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
import { currentTraceId } from '@platform/telemetry';
import { AuditLogEntity } from './audit-log.entity';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write through the gateway leaves an audit row (who, what, when, outcome, trace id),
 * refused ones included: a forbidden attempt is exactly what an auditor wants to see. It is the
 * first Express middleware, so writes refused by body parsing (413, 415, bad JSON) are audited too.
 */
export class AuditMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(private readonly dataSource: DataSource) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    if (!WRITE_METHODS.has(request.method)) return next();
    const traceId = currentTraceId() ?? null;
    response.on('finish', () => {
      const principal = (request as Request & { user?: Principal }).user;
      const row: Omit<AuditLogEntity, 'id'> = {
        at: new Date(),
        clientId: principal?.clientId ?? null,
        method: request.method,
        path: request.originalUrl.split('?')[0].slice(0, 500),
        status: response.statusCode,
        traceId,
        requestId: String(request.id ?? '') || null,
        idempotencyKey: request.header('Idempotency-Key')?.slice(0, 200) ?? null,
      };
      this.dataSource
        .getRepository(AuditLogEntity)
        .insert(row)
        .catch((error: unknown) => this.logger.error({ err: error, row }, 'audit row not written'));
    });
    next();
  };
}
