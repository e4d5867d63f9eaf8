import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { SearchSubjectsHandler } from '../application/search-subjects.handler';

@Controller()
@disclosureV1.PublicSearchServiceControllerMethods()
export class PublicSearchGrpcController implements disclosureV1.PublicSearchServiceController {
  constructor(private readonly searchSubjectsHandler: SearchSubjectsHandler) {}

  searchSubjects(request: disclosureV1.SearchSubjectsRequest): Promise<disclosureV1.SearchSubjectsResponse> {
    return this.searchSubjectsHandler.execute({ q: request.q });
  }
}
