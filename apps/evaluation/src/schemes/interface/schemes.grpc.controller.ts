import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetSchemeHandler } from '../application/get-scheme.handler';
import { ListSchemesHandler } from '../application/list-schemes.handler';
import { PutSchemeHandler } from '../application/put-scheme.handler';
import { SimulateSchemeHandler } from '../application/simulate-scheme.handler';

@Controller()
@evaluationV1.SchemeServiceControllerMethods()
export class SchemesGrpcController implements evaluationV1.SchemeServiceController {
  constructor(
    private readonly listSchemesHandler: ListSchemesHandler,
    private readonly getSchemeHandler: GetSchemeHandler,
    private readonly putSchemeHandler: PutSchemeHandler,
    private readonly simulateSchemeHandler: SimulateSchemeHandler,
  ) {}

  async simulateScheme(request: evaluationV1.SimulateSchemeRequest, metadata?: Metadata): Promise<evaluationV1.SimulateSchemeResponse> {
    const { sample, ...summary } = await this.simulateSchemeHandler.execute(principalFrom(metadata), { id: request.id, documentJson: request.documentJson });
    return { ...summary, sampleJson: JSON.stringify(sample) };
  }

  async listSchemes(_request: evaluationV1.ListSchemesRequest, metadata?: Metadata): Promise<evaluationV1.ListSchemesResponse> {
    return { schemes: await this.listSchemesHandler.execute(principalFrom(metadata), {}) };
  }

  async getScheme(request: evaluationV1.GetSchemeRequest, metadata?: Metadata): Promise<evaluationV1.GetSchemeResponse> {
    const { document, ...view } = await this.getSchemeHandler.execute(principalFrom(metadata), { id: request.id, version: request.version });
    return { ...view, documentJson: JSON.stringify(document) };
  }

  putScheme(request: evaluationV1.PutSchemeRequest, metadata?: Metadata): Promise<evaluationV1.PutSchemeResponse> {
    return this.putSchemeHandler.execute(principalFrom(metadata), {
      id: request.id,
      documentJson: request.documentJson,
      publish: request.publish,
      basedOnVersion: request.basedOnVersion,
    });
  }
}
