import { PartnerRecordsHttpController } from './exchange/partner-records.http.controller';
import { PartnerRepairApplicationsHttpController } from './exchange/partner-repair-applications.http.controller';
import { PartnerRepairEvidenceHttpController } from './exchange/partner-repair-evidence.http.controller';
import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ServiceCoreModule } from '@platform/service';
import { AuthModule } from './auth/auth.module';
import { CatalogueHttpController } from './credit-records/catalogue.http.controller';
import { CreditRecordsGatewayGrpcController } from './credit-records/credit-records.grpc.controller';
import { CreditRecordsHttpController } from './credit-records/credit-records.http.controller';
import { RecordSubmissions } from './credit-records/record-submissions';
import { CollectionQualityHttpController } from './credit-records/collection-quality.http.controller';
import { MonitoringViolationsHttpController } from './credit-records/monitoring-violations.http.controller';
import { VehiclePositionsHttpController } from './permits/vehicle-positions.http.controller';
import { CheckpointInspectionsHttpController } from './permits/checkpoint-inspections.http.controller';
import { ObjectionsHttpController } from './credit-records/objections.http.controller';
import { gatewayDefinition, GatewayConfig } from './gateway.definition';
import { API_THROTTLER, ClientRateLimitGuard, PUBLIC_THROTTLER, PublicRateLimitGuard, RATE_LIMIT_WINDOW_MS } from './http/rate-limit.guards';
import { AuditLog } from './audit/audit-log';
import { GrpcFace } from './grpc/grpc-face';
import { GRPC_INPUT_POLICY } from './grpc/grpc-input-policy';
import { CreditRecordsTwinsGrpcController } from './credit-records/credit-records-twins.grpc.controller';
import { EvaluationGatewayGrpcController } from './evaluation/evaluation.grpc.controller';
import { MeasuresTwinsGrpcController } from './measures/measures-twins.grpc.controller';
import { CommitmentFindingsGatewayGrpcController } from './commitment-findings/commitment-findings.grpc.controller';
import { RegistryTwinsGrpcController } from './registry/registry-twins.grpc.controller';
import { LicencesGatewayGrpcController } from './licences/licences.grpc.controller';
import { PermitsGatewayGrpcController } from './permits/permits.grpc.controller';
import { RepairGatewayGrpcController } from './repair/repair.grpc.controller';
import { ExchangeGatewayGrpcController } from './exchange/exchange.grpc.controller';
import { RestTwinInvoker } from './grpc/rest-twin';
import { EvaluationCyclesHttpController } from './evaluation/evaluation-cycles.http.controller';
import { RankingsHttpController } from './evaluation/rankings.http.controller';
import { EvaluationSchemesHttpController } from './evaluation/evaluation-schemes.http.controller';
import { GradeRecognitionsHttpController } from './evaluation/grade-recognitions.http.controller';
import { GradeRecognitionTablesAdminHttpController } from './evaluation/grade-recognition-tables-admin.http.controller';
import { SubjectEvaluationsHttpController } from './evaluation/subject-evaluations.http.controller';
import { SubjectPartnerGradesHttpController } from './evaluation/subject-partner-grades.http.controller';
import { GradeAppealsHttpController } from './evaluation/grade-appeals.http.controller';
import { SlidingWindowThrottlerStorage } from './http/sliding-window-storage';
import { PublicSubjectsHttpController } from './public-api/public-subjects.http.controller';
import { PortalHttpController } from './public-api/portal.http.controller';
import { PublicProfiles } from './public-api/public-profiles';
import { LicencesHttpController } from './licences/licences.http.controller';
import { ListEntriesHttpController } from './measures/list-entries.http.controller';
import { PartnerListEntriesAdminHttpController, PartnerListEntriesHttpController } from './measures/partner-list-entries.http.controller';
import { RecognitionAgreements } from './exchange/application/recognition-agreements';
import { PartnerSubjectGradesHttpController } from './exchange/subject-grades.http.controller';
import { ChangeFeedHttpController } from './exchange/change-feed.http.controller';
import { PartnerFeedsAdminHttpController } from './exchange/partner-feeds.http.controller';
import { PartnerPermitApprovalsRelayHttpController } from './exchange/partner-permit-approvals.http.controller';
import { PartnerApprovalRelay } from './exchange/application/partner-approval-relay';
import { PartnerEntryImports } from './exchange/application/partner-entry-imports';
import { PartnerRecordChanges } from './exchange/application/partner-record-changes';
import { PartnerFeeds } from './exchange/application/partner-feeds';
import { PartnerFeedPuller } from './exchange/application/partner-feed-puller';
import { PartnerGradeChanges } from './exchange/application/partner-grade-changes';
import { RepairForwarder } from './exchange/application/repair-forwarder';
import { PartnerFeedStore } from './exchange/infrastructure/partner-feed-store';
import { PartnerPermitApprovalsHttpController } from './exchange/permit-approvals.http.controller';
import { DecisionsHttpController } from './measures/decisions.http.controller';
import { MeasuresGatewayGrpcController } from './measures/decisions.grpc.controller';
import { InspectionDrawsHttpController } from './measures/inspection-draws.http.controller';
import { MeasuresReportHttpController } from './measures/measures-report.http.controller';
import { Upstreams } from './upstreams';
import { CommitmentFindingsHttpController } from './commitment-findings/commitment-findings.http.controller';
import { SubjectScope } from './http/subject-scope';
import { ConfigurationAdminHttpController } from './configuration/configuration-admin.http.controller';
import { RegistryGatewayGrpcController } from './registry/registry.grpc.controller';
import { RegistryHttpController } from './registry/registry.http.controller';
import { RepairApplicationsHttpController } from './repair/repair-applications.http.controller';
import { PermitApplicationsHttpController, PermitsHttpController } from './permits/permit-applications.http.controller';
import { PermitStatisticsHttpController } from './permits/permit-statistics.http.controller';
import { PermitAttachmentsHttpController } from './permits/permit-attachments.http.controller';
import { RepairEvidenceHttpController } from './repair/repair-evidence.http.controller';
import { PublicPermitsHttpController } from './public-api/public-permits.http.controller';

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    // One storage for the guards and the public profile's fast path (they count the same hits).
    const rateLimits = new SlidingWindowThrottlerStorage();
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(gatewayDefinition, config),
        // Two named limits: per client on /api and /exchange, per address on /public and the token endpoint.
        ThrottlerModule.forRoot({
          throttlers: [
            { name: API_THROTTLER, ttl: RATE_LIMIT_WINDOW_MS, limit: config.GATEWAY_RATE_LIMIT_PER_MINUTE },
            { name: PUBLIC_THROTTLER, ttl: RATE_LIMIT_WINDOW_MS, limit: config.GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE },
          ],
          storage: rateLimits,
        }),
        AuthModule,
      ],
      controllers: [
        CatalogueHttpController,
        CreditRecordsHttpController,
        ObjectionsHttpController,
        CollectionQualityHttpController,
        MonitoringViolationsHttpController,
        PublicSubjectsHttpController,
        PortalHttpController,
        CreditRecordsGatewayGrpcController,
        LicencesHttpController,
        EvaluationSchemesHttpController,
        SubjectEvaluationsHttpController,
        SubjectPartnerGradesHttpController,
        EvaluationCyclesHttpController,
        RankingsHttpController,
        GradeRecognitionsHttpController,
        GradeRecognitionTablesAdminHttpController,
        GradeAppealsHttpController,
        ListEntriesHttpController,
        PartnerListEntriesHttpController,
        PartnerRecordsHttpController,
        PartnerRepairApplicationsHttpController,
        PartnerRepairEvidenceHttpController,
        PartnerListEntriesAdminHttpController,
        PartnerPermitApprovalsHttpController,
        PartnerSubjectGradesHttpController,
        ChangeFeedHttpController,
        PartnerFeedsAdminHttpController,
        PartnerPermitApprovalsRelayHttpController,
        DecisionsHttpController,
        MeasuresGatewayGrpcController,
        InspectionDrawsHttpController,
        MeasuresReportHttpController,
        CommitmentFindingsHttpController,
        ConfigurationAdminHttpController,
        RegistryHttpController,
        RegistryGatewayGrpcController,
        VehiclePositionsHttpController,
        RepairApplicationsHttpController,
        PermitApplicationsHttpController,
        PermitsHttpController,
        PermitStatisticsHttpController,
        PermitAttachmentsHttpController,
        RepairEvidenceHttpController,
        PublicPermitsHttpController,
        CheckpointInspectionsHttpController,
        // The gRPC twins of the REST routes (ADR 0078; route table: grpc/route-table.ts).
        CreditRecordsTwinsGrpcController,
        EvaluationGatewayGrpcController,
        MeasuresTwinsGrpcController,
        CommitmentFindingsGatewayGrpcController,
        RegistryTwinsGrpcController,
        LicencesGatewayGrpcController,
        PermitsGatewayGrpcController,
        RepairGatewayGrpcController,
        ExchangeGatewayGrpcController,
      ],
      providers: [
        Upstreams,
        SubjectScope,
        RecognitionAgreements,
        PartnerEntryImports,
        PartnerRecordChanges,
        PartnerFeeds,
        PartnerFeedStore,
        PartnerFeedPuller,
        PartnerGradeChanges,
        RepairForwarder,
        PartnerApprovalRelay,
        RecordSubmissions,
        PublicProfiles,
        AuditLog,
        GrpcFace,
        RestTwinInvoker,
        ClientRateLimitGuard,
        PublicRateLimitGuard,
        { provide: SlidingWindowThrottlerStorage, useValue: rateLimits },
        GRPC_INPUT_POLICY,
      ],
    };
  }
}
