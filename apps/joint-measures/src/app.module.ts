import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { jointMeasuresDefinition } from './joint-measures.definition';
import { EntryRulesModule } from './entry-rules/entry-rules.module';
import { ListsModule } from './lists/lists.module';
import { MeasuresModule } from './measures/measures.module';
import { DrawsModule } from './draws/draws.module';
import { ReportsModule } from './reports/reports.module';
import { ConfigurationModule } from './configuration/configuration.module';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(jointMeasuresDefinition, config),
        ListsModule,
        EntryRulesModule,
        MeasuresModule,
        DrawsModule,
        ReportsModule,
        ConfigurationModule,
      ],
    };
  }
}
