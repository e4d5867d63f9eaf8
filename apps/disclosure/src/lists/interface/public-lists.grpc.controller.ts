import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { GetPublicListHandler } from '../application/get-public-list.handler';

@Controller()
@disclosureV1.PublicListServiceControllerMethods()
export class PublicListsGrpcController implements disclosureV1.PublicListServiceController {
  constructor(private readonly getPublicListHandler: GetPublicListHandler) {}

  getPublicList(request: disclosureV1.GetPublicListRequest): Promise<disclosureV1.GetPublicListResponse> {
    return this.getPublicListHandler.execute({ listType: request.listType, offset: request.cursor ? Number(request.cursor) : 0 });
  }
}
