import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
import { currentTraceId } from '@platform/telemetry';
import { AuditLogEntity } from './audit-log.entity';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type AuditRow = Omit<AuditLogEntity, 'id'>;

/**
 * Answered requests whose record is kept by the service that answered them, so an audit row
 * would only repeat it on the hot path: a decision (200) is logged by joint measures with who
 * asked, when and the outcome (ADR 0035). Refused ones (4xx, 503) never reach that log and are
 * audited here as before.
 */
const RECORDED_UPSTREAM: { method: string; path: RegExp; status: number }[] = [{ method: 'POST', path: /^\/api\/v1\/measures\/decisions\/?$/, status: 200 }];

/** Rows per INSERT at most, so one statement stays small whatever the backlog. */
const MAX_ROWS_PER_INSERT = 500;

/**
 * Every write through the gateway leaves an audit row (who, what, when, outcome, trace id),
 * refused ones included: a forbidden attempt is exactly what an auditor wants to see. It is the
 * first Express middleware, so writes refused by body parsing (413, 415, bad JSON) are audited too.
 * Rows are written after the response, as before, but rows that finish while an INSERT is in
 * flight go together in the next one: one statement and one commit for many requests under
 * load, and no added delay when the gateway is quiet (docs/perf.md).
 */
export class AuditMiddleware {
  private readonly logger = new Logger('Audit');
  private readonly pending: AuditRow[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    if (!WRITE_METHODS.has(request.method)) return next();
    const traceId = currentTraceId() ?? null;
    response.on('finish', () => {
      if (recordedUpstream(request, response.statusCode)) return;
      const principal = (request as Request & { user?: Principal }).user;
      this.record({
        at: new Date(),
        clientId: principal?.clientId ?? null,
        method: request.method,
        path: request.originalUrl.split('?')[0].slice(0, 500),
        status: response.statusCode,
        traceId,
        requestId: String(request.id ?? '') || null,
        idempotencyKey: request.header('Idempotency-Key')?.slice(0, 200) ?? null,
      });
    });
    next();
  };

  private record(row: AuditRow): void {
    this.pending.push(row);
    if (!this.writing) void this.writePending();
  }

  private async writePending(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const rows = this.pending.splice(0, MAX_ROWS_PER_INSERT);
      await this.insert(rows).catch((error: unknown) => this.logger.error({ err: error, rows }, 'audit rows not written'));
    }
    this.writing = false;
  }

  private async insert(rows: AuditRow[]): Promise<void> {
    const column = <T>(pick: (row: AuditRow) => T) => rows.map(pick);
    await this.dataSource.query(
      `INSERT INTO audit_log (at, client_id, method, path, status, trace_id, request_id, idempotency_key)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
      [column((r) => r.at), column((r) => r.clientId), column((r) => r.method), column((r) => r.path), column((r) => r.status), column((r) => r.traceId), column((r) => r.requestId), column((r) => r.idempotencyKey)],
    );
  }
}

function recordedUpstream(request: Request, status: number): boolean {
  return RECORDED_UPSTREAM.some((r) => r.status === status && r.method === request.method && r.path.test(request.path));
}
