import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { GetSubjectProfileQuery } from '../application/get-subject-profile.query';

/** Public data needs no principal: the gateway's public API calls this without one. */
@Controller()
@disclosureV1.PublicProfileServiceControllerMethods()
export class PublicProfileGrpcController implements disclosureV1.PublicProfileServiceController {
  constructor(private readonly profiles: GetSubjectProfileQuery) {}

  getSubjectProfile(request: disclosureV1.GetSubjectProfileRequest): Promise<disclosureV1.GetSubjectProfileResponse> {
    return this.profiles.execute(request.uscc);
  }
}
