import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ConfigurationAdminHandler } from '../application/configuration-admin.handler';
import type { ConfigurationView } from '../application/configuration-admin.query';

function toWire(view: ConfigurationView): measuresV1.ConfigurationVersion {
  return {
    kind: view.kind,
    version: view.version,
    inForce: view.inForce,
    uploadedBy: view.uploadedBy,
    uploadedAt: view.uploadedAt,
    documentJson: JSON.stringify(view.document),
    items: view.items.map((i) => ({ id: i.id, status: i.status, waitingFor: i.waitingFor, problems: i.problems })),
    versions: view.versions,
    shippedUpdateAvailable: view.shippedUpdateAvailable,
  };
}

@Controller()
@measuresV1.ConfigurationServiceControllerMethods()
export class ConfigurationGrpcController implements measuresV1.ConfigurationServiceController {
  constructor(private readonly admin: ConfigurationAdminHandler) {}

  async getConfiguration(request: measuresV1.GetConfigurationRequest, metadata?: Metadata): Promise<measuresV1.GetConfigurationResponse> {
    return { configuration: toWire(await this.admin.get(principalFrom(metadata), { kind: request.kind, version: request.version })) };
  }

  async uploadConfiguration(request: measuresV1.UploadConfigurationRequest, metadata?: Metadata): Promise<measuresV1.UploadConfigurationResponse> {
    const view = await this.admin.upload(principalFrom(metadata), {
      kind: request.kind,
      documentJson: request.documentJson,
      basedOnVersion: request.basedOnVersion,
    });
    return { configuration: toWire(view) };
  }
}
