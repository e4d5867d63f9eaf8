import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { isUuid, regionPatternOf } from '../../records/application/record-access';
import { FINDING_STATUSES } from '../domain/commitment-finding';
import { CommitmentFindingErrorCode } from '../domain/commitment-finding-errors';
import { CommitmentFindingEntity } from '../infrastructure/commitment-finding.entity';
import { toCommitmentFindingView } from './commitment-finding-view';
import type { CommitmentFindingsPage, ListCommitmentFindingsQuery } from './list-commitment-findings.query';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * A region's commitment findings (the accepting units' work list, e.g. `status=pending`), oldest
 * first, in pages: the cursor is the last finding's id (a UUIDv7, so detection order). Region-scoped
 * like every read (ARCHITECTURE.md §6).
 */
@Injectable()
export class ListCommitmentFindingsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: ListCommitmentFindingsQuery): Promise<CommitmentFindingsPage> {
    assertScope(principal, Scopes.RecordsRead);
    const violations: FieldViolation[] = [];
    const status = request.status.trim().toLowerCase();
    if (status && !(FINDING_STATUSES as readonly string[]).includes(status))
      violations.push({ field: 'status', message: `must be one of ${FINDING_STATUSES.join(', ')}`, code: 'INVALID_STATUS' });
    const limit = request.limit === 0 ? DEFAULT_LIMIT : request.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      violations.push({ field: 'limit', message: `from 1 to ${MAX_LIMIT}`, code: 'OUT_OF_RANGE' });
    const cursor = request.cursor.trim();
    if (cursor && !isUuid(cursor)) violations.push({ field: 'cursor', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' });
    if (violations.length > 0) throw DomainError.validation(CommitmentFindingErrorCode.Invalid, violations);
    const region = request.region.trim() || principal.region;
    assertRegionScope(principal, region);
    const rows = await this.dataSource
      .getRepository(CommitmentFindingEntity)
      .createQueryBuilder('f')
      .where('f.region LIKE :pattern', { pattern: regionPatternOf(region) })
      .andWhere(status ? 'f.status = :status' : 'TRUE', { status })
      .andWhere(cursor ? 'f.id > :cursor' : 'TRUE', { cursor })
      .orderBy('f.id')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return { findings: page.map(toCommitmentFindingView), nextCursor: rows.length > limit ? page.at(-1)!.id : '' };
  }
}
