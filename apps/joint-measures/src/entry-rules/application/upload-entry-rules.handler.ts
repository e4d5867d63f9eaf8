import { Injectable } from '@nestjs/common';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { EntryRuleErrorCode } from '../domain/entry-rule-errors';
import { EntryRuleStore } from './entry-rule-store';
import type { UploadEntryRulesCommand, UploadedEntryRules } from './upload-entry-rules.command';

/** An administrator uploads the entry rules; every replica applies them from its next event on. */
@Injectable()
export class UploadEntryRulesHandler {
  constructor(private readonly store: EntryRuleStore) {}

  async execute(principal: Principal, command: UploadEntryRulesCommand): Promise<UploadedEntryRules> {
    assertScope(principal, Scopes.Admin);
    let input: unknown;
    try {
      input = JSON.parse(command.rulesJson);
    } catch {
      throw DomainError.validation(EntryRuleErrorCode.Invalid, [{ field: 'rules', message: 'must be a JSON array of rules' }]);
    }
    const set = await this.store.upload(input, principal.clientId);
    return { version: set.version, ruleCount: set.rules.length };
  }
}
