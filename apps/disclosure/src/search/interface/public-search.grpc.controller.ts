import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { SearchSubjectsQuery } from '../application/search-subjects.query';

@Controller()
@disclosureV1.PublicSearchServiceControllerMethods()
export class PublicSearchGrpcController implements disclosureV1.PublicSearchServiceController {
  constructor(private readonly search: SearchSubjectsQuery) {}

  searchSubjects(request: disclosureV1.SearchSubjectsRequest): Promise<disclosureV1.SearchSubjectsResponse> {
    return this.search.execute(request.q);
  }
}
