import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { PublicListsQuery } from '../application/public-lists.query';

@Controller()
@disclosureV1.PublicListServiceControllerMethods()
export class PublicListsGrpcController implements disclosureV1.PublicListServiceController {
  constructor(private readonly lists: PublicListsQuery) {}

  getPublicList(request: disclosureV1.GetPublicListRequest): Promise<disclosureV1.GetPublicListResponse> {
    return this.lists.list(request.listType, request.cursor ? Number(request.cursor) : 0);
  }
}
