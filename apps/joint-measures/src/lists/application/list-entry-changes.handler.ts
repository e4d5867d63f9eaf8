import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import type { ListEntry } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import { invalid } from './list-writes';

const MAX_LIMIT = 500;

/**
 * List entries as they changed, in commit order after a position (ADR 0068): what the gateway's
 * exchange feed pages over. Every state an entry passes through is a change (in force, removed,
 * expired, withdrawn), so a reader that resumes after its last position misses none.
 */
@Injectable()
export class ListEntryChangesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: { after: string; limit: number }): Promise<{ changes: { position: string; entry: ListEntry }[]; head: string }> {
    assertScope(principal, Scopes.ExchangeRead);
    const after = query.after || '0';
    if (!/^\d{1,18}$/.test(after)) invalid([{ field: 'after', message: 'must be a position (a non-negative integer)' }]);
    const limit = query.limit > 0 ? Math.min(query.limit, MAX_LIMIT) : 100;
    return listEntries.changesAfter(this.dataSource.manager, after, limit);
  }
}
