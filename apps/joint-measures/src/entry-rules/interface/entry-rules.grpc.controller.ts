import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { assertScope, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { principalFrom } from '@platform/grpc';
import { EntryRuleStore } from '../application/entry-rule-store';
import { EntryRuleErrorCode } from '../domain/entry-rule-errors';

@Controller()
@measuresV1.EntryRuleServiceControllerMethods()
export class EntryRulesGrpcController implements measuresV1.EntryRuleServiceController {
  constructor(private readonly store: EntryRuleStore) {}

  async uploadEntryRules(request: measuresV1.UploadEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.UploadEntryRulesResponse> {
    const principal = principalFrom(metadata);
    assertScope(principal, Scopes.Admin);
    let input: unknown;
    try {
      input = JSON.parse(request.rulesJson);
    } catch {
      throw DomainError.validation(EntryRuleErrorCode.Invalid, [{ field: 'rules', message: 'must be a JSON array of rules' }]);
    }
    const set = await this.store.upload(input, principal.clientId);
    return { version: set.version, ruleCount: set.rules.length };
  }

  async getEntryRules(_request: measuresV1.GetEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.GetEntryRulesResponse> {
    assertScope(principalFrom(metadata), Scopes.RecordsRead);
    const set = await this.store.current();
    return { version: set.version, rulesJson: JSON.stringify(set.rules) };
  }
}
