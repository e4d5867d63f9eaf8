import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { CreditReportsService } from '../application/credit-reports.service';

@Controller()
@disclosureV1.CreditReportServiceControllerMethods()
export class CreditReportsGrpcController implements disclosureV1.CreditReportServiceController {
  constructor(private readonly reports: CreditReportsService) {}

  issueCreditReport(request: disclosureV1.IssueCreditReportRequest): Promise<disclosureV1.IssueCreditReportResponse> {
    return this.reports.issue(request.uscc);
  }

  verifyCreditReport(request: disclosureV1.VerifyCreditReportRequest): Promise<disclosureV1.VerifyCreditReportResponse> {
    return this.reports.verify(request.code);
  }
}
