import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { ApplicationsModule } from './applications/applications.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { permitsDefinition } from './permits.definition';
import { ConformanceModule } from './conformance/conformance.module';
import { InspectionsModule } from './inspections/inspections.module';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forRoot(permitsDefinition, config), ApplicationsModule, ApprovalsModule, ConformanceModule, InspectionsModule],
    };
  }
}
