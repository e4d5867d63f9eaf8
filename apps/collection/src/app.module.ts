import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { collectionDefinition } from './collection.definition';
import { CatalogueModule } from './catalogue/catalogue.module';
import { RecordsModule } from './records/records.module';
import { ObjectionsModule } from './objections/objections.module';
import { QualityModule } from './quality/quality.module';
import { ViolationClaimsModule } from './violation-claims/violation-claims.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { LicencesModule } from './licences/licences.module';
import { MonitoringFeedModule } from './monitoring-feed/monitoring-feed.module';
import { PublicityModule } from './publicity/publicity.module';
import { RepairsModule } from './repairs/repairs.module';
import { RegistryModule } from './registry/registry.module';
import { PermitLicencesModule } from './permit-licences/permit-licences.module';
import { PermitViolationsModule } from './permit-violations/permit-violations.module';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(collectionDefinition, config),
        CatalogueModule,
        RecordsModule,
        ObjectionsModule,
        QualityModule,
        ViolationClaimsModule,
        CommitmentsModule,
        LicencesModule,
        PublicityModule,
        MonitoringFeedModule,
        RepairsModule,
        RegistryModule,
        PermitViolationsModule,
        PermitLicencesModule,
      ],
    };
  }
}
