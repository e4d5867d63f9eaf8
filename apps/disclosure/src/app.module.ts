import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { disclosureDefinition } from './disclosure.definition';
import { ProfilesModule } from './profiles/profiles.module';
import { PublicationLogModule } from './publication-log/publication-log.module';
import { SearchModule } from './search/search.module';
import { PortalModule } from './portal/portal.module';
import { CreditReportsModule } from './credit-reports/credit-reports.module';
import { ListsModule } from './lists/lists.module';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(disclosureDefinition, config),
        PublicationLogModule,
        ProfilesModule,
        ListsModule,
        SearchModule,
        PortalModule,
        CreditReportsModule,
      ],
    };
  }
}
