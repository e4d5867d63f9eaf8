import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isIsoDate } from '@domain/calendar';
import { normaliseCode } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { decodeCursor, encodeCursor, pageSize } from '../domain/list-cursor';
import type { RecordStatus, SubjectKind } from '../domain/credit-record';
import { ListRecordsQuery, ListRecordsView, RecordSummaryView } from './list-records.query';
import { regionPattern } from './record-access';
import { RecordErrorCode } from '../domain/record-errors';

interface Row {
  id: string;
  record_type: string;
  subject_kind: SubjectKind;
  subject_id: string;
  subject_name: string;
  region: string;
  severity: string;
  decision_date: string;
  document_number: string;
  status: RecordStatus;
  received_at: Date;
  source_client_id: string;
  version: number;
}

/**
 * Records visible to the caller (its region and below), newest decision first, filtered by
 * subject, type and decision-date range, paginated by keyset cursor.
 */
@Injectable()
export class ListRecordsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: ListRecordsQuery): Promise<ListRecordsView> {
    assertScope(principal, Scopes.RecordsRead);
    const filters = this.filters(request);
    const limit = pageSize(request.limit);
    const after = decodeCursor(request.cursor);
    const params: unknown[] = [regionPattern(principal)];
    const where = ['region LIKE $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.subjectId) add('subject_id = ?', filters.subjectId);
    if (filters.recordType) add('record_type = ?', filters.recordType);
    if (filters.from) add('decision_date >= ?', filters.from);
    if (filters.to) add('decision_date <= ?', filters.to);
    if (after) {
      params.push(after.date, after.id);
      where.push(`(decision_date, id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, record_type, subject_kind, subject_id, subject_name, region, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date,
              document_number, status, received_at, source_client_id, version
         FROM credit_records WHERE ${where.join(' AND ')}
        ORDER BY decision_date DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      records: page.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeCursor({ date: last.decision_date, id: last.id }) : '',
    };
  }

  private filters(request: ListRecordsQuery): { subjectId: string; recordType: string; from: string; to: string } {
    const violations: FieldViolation[] = [];
    const from = request.from.trim();
    const to = request.to.trim();
    if (from && !isIsoDate(from)) violations.push({ field: 'from', message: 'must be a date (YYYY-MM-DD)', code: 'INVALID_DATE' });
    if (to && !isIsoDate(to)) violations.push({ field: 'to', message: 'must be a date (YYYY-MM-DD)', code: 'INVALID_DATE' });
    if (from && to && isIsoDate(from) && isIsoDate(to) && from > to) violations.push({ field: 'from', message: 'must not be after to', code: 'INVALID_RANGE' });
    if (violations.length > 0) throw DomainError.validation(RecordErrorCode.Invalid, violations);
    return { subjectId: normaliseCode(request.subjectId), recordType: request.recordType.trim().toLowerCase(), from, to };
  }
}

function toSummary(row: Row): RecordSummaryView {
  return {
    id: row.id,
    recordType: row.record_type,
    subject: { kind: row.subject_kind, id: row.subject_id, name: row.subject_name },
    region: row.region,
    severity: row.severity,
    decisionDate: row.decision_date,
    documentNumber: row.document_number,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    sourceClientId: row.source_client_id,
    version: row.version,
  };
}
