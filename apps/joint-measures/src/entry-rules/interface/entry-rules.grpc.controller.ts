import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetEntryRulesHandler } from '../application/get-entry-rules.handler';
import { UploadEntryRulesHandler } from '../application/upload-entry-rules.handler';

@Controller()
@measuresV1.EntryRuleServiceControllerMethods()
export class EntryRulesGrpcController implements measuresV1.EntryRuleServiceController {
  constructor(
    private readonly uploadHandler: UploadEntryRulesHandler,
    private readonly getHandler: GetEntryRulesHandler,
  ) {}

  uploadEntryRules(request: measuresV1.UploadEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.UploadEntryRulesResponse> {
    return this.uploadHandler.execute(principalFrom(metadata), { rulesJson: request.rulesJson });
  }

  async getEntryRules(_request: measuresV1.GetEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.GetEntryRulesResponse> {
    const set = await this.getHandler.execute(principalFrom(metadata), {});
    return { version: set.version, rulesJson: JSON.stringify(set.rules) };
  }
}
