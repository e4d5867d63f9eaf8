import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@platform/database';
import type { AuditLogEntity } from './audit-log.entity';

export type AuditEntry = Omit<AuditLogEntity, 'id'>;

/** Rows per INSERT at most, so one statement stays small whatever the backlog. */
const MAX_ROWS_PER_INSERT = 500;

/**
 * The gateway's audit log (ARCHITECTURE.md: every write, who, what, when, outcome, trace id), fed
 * by both faces: REST through AuditMiddleware, gRPC through GrpcFace. Entries are written after
 * the answer by group commit (ADR 0034): entries that arrive while an INSERT is in flight go
 * together in the next one, one statement and one commit for many requests under load, and no
 * added delay when the gateway is quiet (docs/perf.md). A failed INSERT is logged with its rows.
 */
@Injectable()
export class AuditLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly groups: GroupCommit<AuditEntry, undefined>;

  constructor(private readonly dataSource: DataSource) {
    this.groups = new GroupCommit(
      async (rows) => {
        await this.insert(rows).catch((error: unknown) => this.logger.error({ err: error, rows }, 'audit rows not written'));
        return rows.map(() => undefined);
      },
      { maxGroup: MAX_ROWS_PER_INSERT },
    );
  }

  record(entry: AuditEntry): void {
    void this.groups.submit(entry);
  }

  /** Entries of answers already sent are written before the database connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.groups.drained();
  }

  private async insert(rows: AuditEntry[]): Promise<void> {
    const column = <T>(pick: (row: AuditEntry) => T) => rows.map(pick);
    await this.dataSource.query(
      `INSERT INTO audit_log (at, client_id, method, path, status, trace_id, request_id, idempotency_key)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
      [
        column((r) => r.at),
        column((r) => r.clientId),
        column((r) => r.method),
        column((r) => r.path),
        column((r) => r.status),
        column((r) => r.traceId),
        column((r) => r.requestId),
        column((r) => r.idempotencyKey),
      ],
    );
  }
}
