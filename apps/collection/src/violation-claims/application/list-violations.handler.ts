import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normaliseCode } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { regionPattern } from '../../records/application/record-access';
import { decodeCursor, encodeCursor, pageSize } from '../../records/domain/list-cursor';
import { CLAIM_STATES, MONITORING_VIOLATION } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';
import type { ListViolationsQuery, ListViolationsView } from './list-violations.query';
import { toViolationView } from './violation-view';
import { ViolationClaimErrorCode } from '../domain/violation-claim-errors';

const STATE_SQL: Record<string, string> = {
  unclaimed: 'c.record_id IS NULL',
  claimed: 'c.record_id IS NOT NULL AND c.disposed_at IS NULL',
  disposed: 'c.disposed_at IS NOT NULL',
};

/** The enterprise's to-do list: monitoring violations in the caller's region, by claim state. */
@Injectable()
export class ListViolationsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: ListViolationsQuery): Promise<ListViolationsView> {
    assertScope(principal, Scopes.RecordsRead);
    const state = request.state.trim().toLowerCase();
    if (state && !(CLAIM_STATES as readonly string[]).includes(state)) {
      throw DomainError.validation(ViolationClaimErrorCode.Invalid, [
        { field: 'state', message: `must be one of ${CLAIM_STATES.join(', ')}`, code: 'INVALID_STATE' },
      ]);
    }
    const limit = pageSize(request.limit);
    const after = decodeCursor(request.cursor);
    const params: unknown[] = [MONITORING_VIOLATION, regionPattern(principal)];
    const where = ['r.record_type = $1', 'r.region LIKE $2', "r.status <> 'revoked'"];
    const subjectId = normaliseCode(request.subjectId);
    if (subjectId) {
      params.push(subjectId);
      where.push(`r.subject_id = $${params.length}`);
    }
    if (state) where.push(STATE_SQL[state]);
    if (after) {
      params.push(after.date, after.id);
      where.push(`(r.decision_date, r.id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: Record<string, never>[] = await this.dataSource.query(
      `SELECT r.id, r.subject_kind, r.subject_id, r.subject_name, r.region, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date, r.payload,
              c.claimed_by, c.claimant, c.claimed_at, c.disposal, c.disposed_by, c.disposed_at
         FROM credit_records r LEFT JOIN violation_claims c ON c.record_id = r.id
        WHERE ${where.join(' AND ')}
        ORDER BY r.decision_date DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      violations: page.map((row) =>
        toViolationView(
          {
            id: row.id,
            subjectKind: row.subject_kind,
            subjectId: row.subject_id,
            subjectName: row.subject_name,
            region: row.region,
            decisionDate: row.decision_date,
            payload: row.payload,
          },
          row.claimed_at
            ? ({
                recordId: row.id,
                claimedBy: row.claimed_by,
                claimant: row.claimant,
                claimedAt: row.claimed_at,
                disposal: row.disposal,
                disposedBy: row.disposed_by,
                disposedAt: row.disposed_at,
              } as ViolationClaimEntity)
            : null,
        ),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor({ date: last.decision_date, id: last.id }) : '',
    };
  }
}
