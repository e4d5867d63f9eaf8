import { Module } from '@nestjs/common';
import { PortalAssets } from './infrastructure/portal-assets';
import { PortalGrpcController } from './interface/portal.grpc.controller';

/** The public web portal (Chinese): static files in apps/disclosure/portal, served through the gateway. */
@Module({
  controllers: [PortalGrpcController],
  providers: [PortalAssets],
})
export class PortalModule {}
