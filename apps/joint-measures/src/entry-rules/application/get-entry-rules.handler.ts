import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { EntryRuleStore } from './entry-rule-store';
import type { EntryRulesView, GetEntryRulesQuery } from './get-entry-rules.query';

@Injectable()
export class GetEntryRulesHandler {
  constructor(private readonly store: EntryRuleStore) {}

  async execute(principal: Principal, _query: GetEntryRulesQuery = {}): Promise<EntryRulesView> {
    assertScope(principal, Scopes.RecordsRead);
    return this.store.current();
  }
}
