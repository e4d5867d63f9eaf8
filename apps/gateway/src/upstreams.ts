import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { collectionV1, disclosureV1, evaluationV1, measuresV1, permitsV1, ProtoPackage, ProtoPackages, repairV1 } from '@contracts';
import { Principal, PrincipalSigner } from '@platform/auth';
import { GrpcClient, UnaryClient } from '@platform/grpc';
import { internalIdentityKey, SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from './gateway.definition';

/**
 * The audience of the principal signed for each backend (ADR 0073): the service's name, which is
 * the one audience it accepts. Permits passes the caller's principal on to joint measures' decision
 * (an application's credit path), so what the gateway signs for permits is addressed to both.
 */
export const BACKEND_AUDIENCES = {
  collection: 'collection',
  evaluation: 'evaluation',
  jointMeasures: 'joint-measures',
  disclosure: 'disclosure',
  permits: ['permits', 'joint-measures'],
  repair: 'repair',
} as const;

/**
 * gRPC clients of the services behind the gateway, each typed by its generated `<Service>Client`
 * interface (method names, requests and responses checked by tsc), each call with a deadline and
 * the caller's principal signed for the service it goes to; closed together at shutdown.
 */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly clients: GrpcClient[] = [];
  /** Signs the principal of each call (ADR 0073); a missing or unusable key stops the boot (exit 78). */
  private readonly signer: PrincipalSigner;

  // collection
  readonly creditRecords: UnaryClient<collectionV1.CreditRecordServiceClient>;
  readonly catalogue: UnaryClient<collectionV1.CatalogueServiceClient>;
  readonly objections: UnaryClient<collectionV1.ObjectionServiceClient>;
  readonly collectionQuality: UnaryClient<collectionV1.CollectionQualityServiceClient>;
  readonly violationClaims: UnaryClient<collectionV1.ViolationClaimServiceClient>;
  readonly licences: UnaryClient<collectionV1.LicenceServiceClient>;
  readonly registry: UnaryClient<collectionV1.RegistryServiceClient>;
  readonly commitmentFindings: UnaryClient<collectionV1.CommitmentFindingServiceClient>;
  readonly licenceReminders: UnaryClient<collectionV1.LicenceReminderServiceClient>;
  // evaluation
  readonly evaluationSchemes: UnaryClient<evaluationV1.SchemeServiceClient>;
  readonly evaluations: UnaryClient<evaluationV1.EvaluationServiceClient>;
  readonly evaluationCycles: UnaryClient<evaluationV1.CycleServiceClient>;
  readonly gradeRecognition: UnaryClient<evaluationV1.RecognitionServiceClient>;
  readonly gradeAppeals: UnaryClient<evaluationV1.AppealServiceClient>;
  // joint measures
  readonly listEntries: UnaryClient<measuresV1.ListEntryServiceClient>;
  readonly entryRules: UnaryClient<measuresV1.EntryRuleServiceClient>;
  readonly decisions: UnaryClient<measuresV1.DecisionServiceClient>;
  readonly inspectionDraws: UnaryClient<measuresV1.InspectionDrawServiceClient>;
  readonly measuresReport: UnaryClient<measuresV1.MeasuresReportServiceClient>;
  readonly configuration: UnaryClient<measuresV1.ConfigurationServiceClient>;
  // disclosure
  readonly publicProfiles: UnaryClient<disclosureV1.PublicProfileServiceClient>;
  readonly publicSearch: UnaryClient<disclosureV1.PublicSearchServiceClient>;
  readonly publicLists: UnaryClient<disclosureV1.PublicListServiceClient>;
  readonly publicationLog: UnaryClient<disclosureV1.PublicationLogServiceClient>;
  readonly creditReports: UnaryClient<disclosureV1.CreditReportServiceClient>;
  readonly portal: UnaryClient<disclosureV1.PortalServiceClient>;
  // permits
  readonly routeConformance: UnaryClient<permitsV1.RouteConformanceServiceClient>;
  readonly checkpointInspections: UnaryClient<permitsV1.CheckpointInspectionServiceClient>;
  // repair
  readonly repairApplications: UnaryClient<repairV1.RepairApplicationServiceClient>;
  readonly repairReminders: UnaryClient<repairV1.RepairReminderServiceClient>;
  readonly permitApplications: UnaryClient<permitsV1.PermitApplicationServiceClient>;
  readonly permitApprovals: UnaryClient<permitsV1.PermitApprovalServiceClient>;
  readonly repairReports: UnaryClient<repairV1.RepairReportServiceClient>;
  readonly permitAttachments: UnaryClient<permitsV1.PermitAttachmentServiceClient>;
  readonly repairEvidence: UnaryClient<repairV1.RepairEvidenceServiceClient>;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.signer = internalIdentityKey(
      'GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE',
      config.GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE,
      (pem) => new PrincipalSigner(pem, config.INTERNAL_IDENTITY_TTL_SECONDS),
    );
    const collection = this.backend(ProtoPackages.collection, config.COLLECTION_GRPC_URL, BACKEND_AUDIENCES.collection, config);
    this.creditRecords = collection<collectionV1.CreditRecordServiceClient>(collectionV1.CREDIT_RECORD_SERVICE_NAME);
    this.catalogue = collection<collectionV1.CatalogueServiceClient>(collectionV1.CATALOGUE_SERVICE_NAME);
    this.objections = collection<collectionV1.ObjectionServiceClient>(collectionV1.OBJECTION_SERVICE_NAME);
    this.collectionQuality = collection<collectionV1.CollectionQualityServiceClient>(collectionV1.COLLECTION_QUALITY_SERVICE_NAME);
    this.violationClaims = collection<collectionV1.ViolationClaimServiceClient>(collectionV1.VIOLATION_CLAIM_SERVICE_NAME);
    this.licences = collection<collectionV1.LicenceServiceClient>(collectionV1.LICENCE_SERVICE_NAME);
    this.registry = collection<collectionV1.RegistryServiceClient>(collectionV1.REGISTRY_SERVICE_NAME);
    this.commitmentFindings = collection<collectionV1.CommitmentFindingServiceClient>(collectionV1.COMMITMENT_FINDING_SERVICE_NAME);
    this.licenceReminders = collection<collectionV1.LicenceReminderServiceClient>(collectionV1.LICENCE_REMINDER_SERVICE_NAME);

    const evaluation = this.backend(ProtoPackages.evaluation, config.EVALUATION_GRPC_URL, BACKEND_AUDIENCES.evaluation, config);
    this.evaluationSchemes = evaluation<evaluationV1.SchemeServiceClient>(evaluationV1.SCHEME_SERVICE_NAME);
    this.evaluations = evaluation<evaluationV1.EvaluationServiceClient>(evaluationV1.EVALUATION_SERVICE_NAME);
    this.evaluationCycles = evaluation<evaluationV1.CycleServiceClient>(evaluationV1.CYCLE_SERVICE_NAME);
    this.gradeRecognition = evaluation<evaluationV1.RecognitionServiceClient>(evaluationV1.RECOGNITION_SERVICE_NAME);
    this.gradeAppeals = evaluation<evaluationV1.AppealServiceClient>(evaluationV1.APPEAL_SERVICE_NAME);

    const measures = this.backend(ProtoPackages.measures, config.JOINT_MEASURES_GRPC_URL, BACKEND_AUDIENCES.jointMeasures, config);
    this.listEntries = measures<measuresV1.ListEntryServiceClient>(measuresV1.LIST_ENTRY_SERVICE_NAME);
    this.entryRules = measures<measuresV1.EntryRuleServiceClient>(measuresV1.ENTRY_RULE_SERVICE_NAME);
    this.decisions = measures<measuresV1.DecisionServiceClient>(measuresV1.DECISION_SERVICE_NAME);
    this.inspectionDraws = measures<measuresV1.InspectionDrawServiceClient>(measuresV1.INSPECTION_DRAW_SERVICE_NAME);
    this.measuresReport = measures<measuresV1.MeasuresReportServiceClient>(measuresV1.MEASURES_REPORT_SERVICE_NAME);
    this.configuration = measures<measuresV1.ConfigurationServiceClient>(measuresV1.CONFIGURATION_SERVICE_NAME);

    const disclosure = this.backend(ProtoPackages.disclosure, config.DISCLOSURE_GRPC_URL, BACKEND_AUDIENCES.disclosure, config);
    this.publicProfiles = disclosure<disclosureV1.PublicProfileServiceClient>(disclosureV1.PUBLIC_PROFILE_SERVICE_NAME);
    this.publicSearch = disclosure<disclosureV1.PublicSearchServiceClient>(disclosureV1.PUBLIC_SEARCH_SERVICE_NAME);
    this.publicLists = disclosure<disclosureV1.PublicListServiceClient>(disclosureV1.PUBLIC_LIST_SERVICE_NAME);
    this.publicationLog = disclosure<disclosureV1.PublicationLogServiceClient>(disclosureV1.PUBLICATION_LOG_SERVICE_NAME);
    this.creditReports = disclosure<disclosureV1.CreditReportServiceClient>(disclosureV1.CREDIT_REPORT_SERVICE_NAME);
    this.portal = disclosure<disclosureV1.PortalServiceClient>(disclosureV1.PORTAL_SERVICE_NAME);

    const permits = this.backend(ProtoPackages.permits, config.PERMITS_GRPC_URL, BACKEND_AUDIENCES.permits, config);
    this.routeConformance = permits<permitsV1.RouteConformanceServiceClient>(permitsV1.ROUTE_CONFORMANCE_SERVICE_NAME);
    this.checkpointInspections = permits<permitsV1.CheckpointInspectionServiceClient>(permitsV1.CHECKPOINT_INSPECTION_SERVICE_NAME);
    const repair = this.backend(ProtoPackages.repair, config.REPAIR_GRPC_URL, BACKEND_AUDIENCES.repair, config);
    this.repairApplications = repair<repairV1.RepairApplicationServiceClient>(repairV1.REPAIR_APPLICATION_SERVICE_NAME);
    this.repairReminders = repair<repairV1.RepairReminderServiceClient>(repairV1.REPAIR_REMINDER_SERVICE_NAME);
    this.permitApplications = permits<permitsV1.PermitApplicationServiceClient>(permitsV1.PERMIT_APPLICATION_SERVICE_NAME);
    this.permitApprovals = permits<permitsV1.PermitApprovalServiceClient>(permitsV1.PERMIT_APPROVAL_SERVICE_NAME);
    this.repairReports = repair<repairV1.RepairReportServiceClient>(repairV1.REPAIR_REPORT_SERVICE_NAME);
    this.permitAttachments = permits<permitsV1.PermitAttachmentServiceClient>(permitsV1.PERMIT_ATTACHMENT_SERVICE_NAME);
    this.repairEvidence = repair<repairV1.RepairEvidenceServiceClient>(repairV1.REPAIR_EVIDENCE_SERVICE_NAME);
  }

  /** The caller's principal signed for `audience`, for a principal that travels in a request body (coalesced record submissions). */
  signedPrincipal(principal: Principal, audience: string | readonly string[]): string {
    return this.signer.sign(principal, audience);
  }

  onApplicationShutdown(): void {
    for (const client of this.clients) client.close();
  }

  /** A factory of typed clients for the services of one backend. */
  private backend(pkg: ProtoPackage, url: string, audience: string | readonly string[], config: GatewayConfig): <S>(service: string) => UnaryClient<S> {
    return <S>(service: string) => {
      const client = new GrpcClient(pkg, service, url, config.GATEWAY_UPSTREAM_DEADLINE_MS, { signer: this.signer, audience });
      this.clients.push(client);
      return client.typed<S>();
    };
  }
}
