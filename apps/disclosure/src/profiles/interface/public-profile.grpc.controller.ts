import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { GetSubjectProfileHandler } from '../application/get-subject-profile.handler';

/** Public data needs no principal: the gateway's public API calls this without one. */
@Controller()
@disclosureV1.PublicProfileServiceControllerMethods()
export class PublicProfileGrpcController implements disclosureV1.PublicProfileServiceController {
  constructor(private readonly getSubjectProfileHandler: GetSubjectProfileHandler) {}

  getSubjectProfile(request: disclosureV1.GetSubjectProfileRequest): Promise<disclosureV1.GetSubjectProfileResponse> {
    return this.getSubjectProfileHandler.execute({ uscc: request.uscc });
  }
}
