import { Controller } from '@nestjs/common';
import { disclosureV1 } from '@contracts';
import { PortalAssets } from '../infrastructure/portal-assets';

@Controller()
@disclosureV1.PortalServiceControllerMethods()
export class PortalGrpcController implements disclosureV1.PortalServiceController {
  constructor(private readonly assets: PortalAssets) {}

  getPortalAsset(request: disclosureV1.GetPortalAssetRequest): disclosureV1.GetPortalAssetResponse {
    const asset = this.assets.get(request.name);
    return { content: asset.content, contentType: asset.contentType, etag: asset.etag };
  }
}
