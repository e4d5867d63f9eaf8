import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ProtoPackage, ProtoPackages } from '@contracts';
import { GrpcClient } from '@platform/grpc';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from './gateway.definition';

/** gRPC clients of the services behind the gateway, each call with a deadline; closed together at shutdown. */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly clients: GrpcClient[] = [];

  // collection
  readonly creditRecords: GrpcClient;
  readonly catalogue: GrpcClient;
  readonly objections: GrpcClient;
  readonly collectionQuality: GrpcClient;
  readonly violationClaims: GrpcClient;
  readonly licences: GrpcClient;
  // evaluation
  readonly evaluationSchemes: GrpcClient;
  readonly evaluations: GrpcClient;
  readonly evaluationCycles: GrpcClient;
  readonly gradeRecognition: GrpcClient;
  // joint measures
  readonly listEntries: GrpcClient;
  readonly entryRules: GrpcClient;
  readonly decisions: GrpcClient;
  readonly inspectionDraws: GrpcClient;
  readonly measuresReport: GrpcClient;
  // disclosure
  readonly publicProfiles: GrpcClient;
  readonly publicSearch: GrpcClient;
  readonly publicLists: GrpcClient;
  readonly publicationLog: GrpcClient;
  readonly creditReports: GrpcClient;
  readonly portal: GrpcClient;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    const collection = this.backend(ProtoPackages.collection, config.COLLECTION_GRPC_URL, config);
    this.creditRecords = collection('CreditRecordService');
    this.catalogue = collection('CatalogueService');
    this.objections = collection('ObjectionService');
    this.collectionQuality = collection('CollectionQualityService');
    this.violationClaims = collection('ViolationClaimService');
    this.licences = collection('LicenceService');

    const evaluation = this.backend(ProtoPackages.evaluation, config.EVALUATION_GRPC_URL, config);
    this.evaluationSchemes = evaluation('SchemeService');
    this.evaluations = evaluation('EvaluationService');
    this.evaluationCycles = evaluation('CycleService');
    this.gradeRecognition = evaluation('RecognitionService');

    const measures = this.backend(ProtoPackages.measures, config.JOINT_MEASURES_GRPC_URL, config);
    this.listEntries = measures('ListEntryService');
    this.entryRules = measures('EntryRuleService');
    this.decisions = measures('DecisionService');
    this.inspectionDraws = measures('InspectionDrawService');
    this.measuresReport = measures('MeasuresReportService');

    const disclosure = this.backend(ProtoPackages.disclosure, config.DISCLOSURE_GRPC_URL, config);
    this.publicProfiles = disclosure('PublicProfileService');
    this.publicSearch = disclosure('PublicSearchService');
    this.publicLists = disclosure('PublicListService');
    this.publicationLog = disclosure('PublicationLogService');
    this.creditReports = disclosure('CreditReportService');
    this.portal = disclosure('PortalService');
  }

  onApplicationShutdown(): void {
    for (const client of this.clients) client.close();
  }

  /** A factory of clients for the services of one backend. */
  private backend(pkg: ProtoPackage, url: string, config: GatewayConfig): (service: string) => GrpcClient {
    return (service) => {
      const client = new GrpcClient(pkg, service, url, config.GATEWAY_UPSTREAM_DEADLINE_MS);
      this.clients.push(client);
      return client;
    };
  }
}
