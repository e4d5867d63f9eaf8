import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { IssueCreditReportHandler } from '../application/issue-credit-report.handler';
import { VerifyCreditReportHandler } from '../application/verify-credit-report.handler';

@Controller()
@disclosureV1.CreditReportServiceControllerMethods()
export class CreditReportsGrpcController implements disclosureV1.CreditReportServiceController {
  constructor(
    private readonly issueCreditReportHandler: IssueCreditReportHandler,
    private readonly verifyCreditReportHandler: VerifyCreditReportHandler,
  ) {}

  issueCreditReport(request: disclosureV1.IssueCreditReportRequest): Promise<disclosureV1.IssueCreditReportResponse> {
    return this.issueCreditReportHandler.execute({ uscc: request.uscc });
  }

  verifyCreditReport(request: disclosureV1.VerifyCreditReportRequest): Promise<disclosureV1.VerifyCreditReportResponse> {
    return this.verifyCreditReportHandler.execute({ code: request.code });
  }
}
