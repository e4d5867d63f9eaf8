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
  readonly publicationLog: GrpcClient;
  readonly publicSearch: GrpcClient;
  readonly portal: GrpcClient;
  readonly creditReports: GrpcClient;
  readonly publicLists: GrpcClient;
  readonly objections: GrpcClient;
  readonly collectionQuality: GrpcClient;
  readonly violationClaims: GrpcClient;
  readonly licences: GrpcClient;
  readonly evaluationSchemes: GrpcClient;
  readonly evaluations: GrpcClient;
  readonly evaluationCycles: GrpcClient;
  readonly gradeRecognition: GrpcClient;
  readonly listEntries: GrpcClient;
  readonly entryRules: GrpcClient;
  readonly decisions: GrpcClient;
  readonly inspectionDraws: GrpcClient;
  readonly measuresReport: GrpcClient;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    const deadline = config.GATEWAY_UPSTREAM_DEADLINE_MS;
    this.creditRecords = new GrpcClient(ProtoPackages.collection, 'CreditRecordService', config.COLLECTION_GRPC_URL, deadline);
    this.catalogue = new GrpcClient(ProtoPackages.collection, 'CatalogueService', config.COLLECTION_GRPC_URL, deadline);
    this.publicLists = new GrpcClient(ProtoPackages.disclosure, 'PublicListService', config.DISCLOSURE_GRPC_URL, deadline);
    this.creditReports = new GrpcClient(ProtoPackages.disclosure, 'CreditReportService', config.DISCLOSURE_GRPC_URL, deadline);
    this.portal = new GrpcClient(ProtoPackages.disclosure, 'PortalService', config.DISCLOSURE_GRPC_URL, deadline);
    this.publicSearch = new GrpcClient(ProtoPackages.disclosure, 'PublicSearchService', config.DISCLOSURE_GRPC_URL, deadline);
    this.publicationLog = new GrpcClient(ProtoPackages.disclosure, 'PublicationLogService', config.DISCLOSURE_GRPC_URL, deadline);
    this.objections = new GrpcClient(ProtoPackages.collection, 'ObjectionService', config.COLLECTION_GRPC_URL, deadline);
    this.collectionQuality = new GrpcClient(ProtoPackages.collection, 'CollectionQualityService', config.COLLECTION_GRPC_URL, deadline);
    this.violationClaims = new GrpcClient(ProtoPackages.collection, 'ViolationClaimService', config.COLLECTION_GRPC_URL, deadline);
    this.publicProfiles = new GrpcClient(ProtoPackages.disclosure, 'PublicProfileService', config.DISCLOSURE_GRPC_URL, deadline);
    this.licences = new GrpcClient(ProtoPackages.collection, 'LicenceService', config.COLLECTION_GRPC_URL, deadline);
    this.evaluationSchemes = new GrpcClient(ProtoPackages.evaluation, 'SchemeService', config.EVALUATION_GRPC_URL, deadline);
    this.evaluations = new GrpcClient(ProtoPackages.evaluation, 'EvaluationService', config.EVALUATION_GRPC_URL, deadline);
    this.evaluationCycles = new GrpcClient(ProtoPackages.evaluation, 'CycleService', config.EVALUATION_GRPC_URL, deadline);
    this.gradeRecognition = new GrpcClient(ProtoPackages.evaluation, 'RecognitionService', config.EVALUATION_GRPC_URL, deadline);
    this.listEntries = new GrpcClient(ProtoPackages.measures, 'ListEntryService', config.JOINT_MEASURES_GRPC_URL, deadline);
    this.entryRules = new GrpcClient(ProtoPackages.measures, 'EntryRuleService', config.JOINT_MEASURES_GRPC_URL, deadline);
    this.decisions = new GrpcClient(ProtoPackages.measures, 'DecisionService', config.JOINT_MEASURES_GRPC_URL, deadline);
    this.inspectionDraws = new GrpcClient(ProtoPackages.measures, 'InspectionDrawService', config.JOINT_MEASURES_GRPC_URL, deadline);
    this.measuresReport = new GrpcClient(ProtoPackages.measures, 'MeasuresReportService', config.JOINT_MEASURES_GRPC_URL, deadline);
  }

  onApplicationShutdown(): void {
    this.creditRecords.close();
    this.catalogue.close();
    this.publicProfiles.close();
    this.objections.close();
    this.publicationLog.close();
    this.publicSearch.close();
    this.portal.close();
    this.creditReports.close();
    this.publicLists.close();
    this.collectionQuality.close();
    this.violationClaims.close();
    this.licences.close();
    this.evaluationSchemes.close();
    this.evaluations.close();
    this.evaluationCycles.close();
    this.gradeRecognition.close();
    this.listEntries.close();
    this.entryRules.close();
    this.decisions.close();
    this.inspectionDraws.close();
    this.measuresReport.close();
  }
}
