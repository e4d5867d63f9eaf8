import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ProtoPackages } from '@contracts';
import { GrpcClient } from '@platform/grpc';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from './gateway.definition';

/** gRPC clients of the services behind the gateway, each call with a deadline. */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  readonly creditRecords: GrpcClient;
  readonly catalogue: GrpcClient;
  readonly publicProfiles: GrpcClient;
  readonly evaluationSchemes: GrpcClient;
  readonly evaluations: GrpcClient;
  readonly evaluationCycles: GrpcClient;
  readonly gradeRecognition: GrpcClient;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    const deadline = config.GATEWAY_UPSTREAM_DEADLINE_MS;
    this.creditRecords = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', config.COLLECTION_GRPC_URL, deadline);
    this.catalogue = new GrpcClient(ProtoPackages.collection, 'CatalogueService', config.COLLECTION_GRPC_URL, deadline);
    this.publicProfiles = new GrpcClient(ProtoPackages.disclosure, 'PublicProfileService', config.DISCLOSURE_GRPC_URL, deadline);
    this.evaluationSchemes = new GrpcClient(ProtoPackages.evaluation, 'SchemeService', config.EVALUATION_GRPC_URL, deadline);
    this.evaluations = new GrpcClient(ProtoPackages.evaluation, 'EvaluationService', config.EVALUATION_GRPC_URL, deadline);
    this.evaluationCycles = new GrpcClient(ProtoPackages.evaluation, 'CycleService', config.EVALUATION_GRPC_URL, deadline);
    this.gradeRecognition = new GrpcClient(ProtoPackages.evaluation, 'RecognitionService', config.EVALUATION_GRPC_URL, deadline);
  }

  onApplicationShutdown(): void {
    this.creditRecords.close();
    this.catalogue.close();
    this.publicProfiles.close();
    this.evaluationSchemes.close();
    this.evaluations.close();
    this.evaluationCycles.close();
    this.gradeRecognition.close();
  }
}
