import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, hasScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import type { ListEntry } from '../domain/list-entry';
import { ListEntryErrorCode } from '../domain/list-errors';
import { listEntries } from '../infrastructure/list-entry.repository';
import { PARTNER_ENTRY_STATES, type ListPartnerEntriesQuery } from './list-partner-entries.query';
import { invalid, UUID } from './list-writes';

const PAGE = 500;

/**
 * What partners sent and what became of it (issue 20 item 1): a partner reads back its own
 * entries (applied, not applied, withdrawn); an admin reads every partner's, e.g. the not-applied
 * ones to review. Another partner's entry reads as absent (404), never as forbidden.
 */
@Injectable()
export class ListPartnerEntriesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: ListPartnerEntriesQuery): Promise<ListEntry[]> {
    const admin = hasScope(principal, Scopes.Admin);
    if (!admin) assertScope(principal, Scopes.ExchangeRead);
    // Own keys only: `in` also finds valueOf, constructor… on the prototype, which then reached the query (INTERNAL, ADR 0075).
    if (query.state && !Object.hasOwn(PARTNER_ENTRY_STATES, query.state))
      invalid([{ field: 'state', message: `must be one of ${Object.keys(PARTNER_ENTRY_STATES).join(', ')}` }]);
    const visible = (e: ListEntry) => admin || (e.provenance !== null && isWithinRegion(principal, e.provenance.partnerRegion));
    if (query.entryId) {
      if (!UUID.test(query.entryId)) invalid([{ field: 'entryId', message: 'must be a UUID' }]);
      const entry = await listEntries.get(this.dataSource.manager, query.entryId);
      if (!entry || entry.origin !== 'partner-import' || !visible(entry))
        throw new DomainError(ListEntryErrorCode.NotFound, 'not-found', `No partner entry ${query.entryId} of this sender.`);
      return [entry];
    }
    if (query.sourceReference) {
      // A partner's reference names its own entry only: looked up within the caller's region, none → none.
      const entry = await listEntries.ofPartnerReference(this.dataSource.manager, principal.region, query.sourceReference);
      return entry && visible(entry) ? [entry] : [];
    }
    const statuses = query.state ? PARTNER_ENTRY_STATES[query.state as keyof typeof PARTNER_ENTRY_STATES] : [];
    const entries = await listEntries.ofPartners(this.dataSource.manager, admin ? '' : regionPrefix(principal.region), statuses, PAGE);
    return entries.filter(visible);
  }
}

/** The code's significant digits: a province 420000 → "42", a city 320500 → "3205". */
export function regionPrefix(region: string): string {
  if (region.endsWith('0000')) return region.slice(0, 2);
  if (region.endsWith('00')) return region.slice(0, 4);
  return region;
}
