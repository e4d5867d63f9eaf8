import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetEntryRulesHandler } from '../application/get-entry-rules.handler';
import { ScreenSubjectsHandler } from '../application/screen-subjects.handler';
import { UploadEntryRulesHandler } from '../application/upload-entry-rules.handler';

@Controller()
@measuresV1.EntryRuleServiceControllerMethods()
export class EntryRulesGrpcController implements measuresV1.EntryRuleServiceController {
  constructor(
    private readonly uploadHandler: UploadEntryRulesHandler,
    private readonly getHandler: GetEntryRulesHandler,
    private readonly screenHandler: ScreenSubjectsHandler,
  ) {}

  async screenSubjects(request: measuresV1.ScreenSubjectsRequest, metadata?: Metadata): Promise<measuresV1.ScreenSubjectsResponse> {
    const report = await this.screenHandler.execute(principalFrom(metadata), {
      ruleId: request.ruleId,
      asOf: request.asOf,
      documentNumber: request.documentNumber,
    });
    return {
      ruleId: report.ruleId,
      listType: report.listType,
      asOf: report.asOf,
      subjects: report.subjects.map((s) => ({ subject: s.subject, region: s.region, outcome: s.outcome, entryId: s.entryId ?? '', unmet: s.unmet })),
    };
  }

  uploadEntryRules(request: measuresV1.UploadEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.UploadEntryRulesResponse> {
    return this.uploadHandler.execute(principalFrom(metadata), { rulesJson: request.rulesJson });
  }

  async getEntryRules(_request: measuresV1.GetEntryRulesRequest, metadata?: Metadata): Promise<measuresV1.GetEntryRulesResponse> {
    const set = await this.getHandler.execute(principalFrom(metadata), {});
    return { version: set.version, rulesJson: JSON.stringify(set.rules) };
  }
}
