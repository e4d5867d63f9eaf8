import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { AppealsModule } from './appeals/appeals.module';
import { CyclesModule } from './cycles/cycles.module';
import { evaluationDefinition } from './evaluation.definition';
import { RecognitionModule } from './recognition/recognition.module';
import { SchemesModule } from './schemes/schemes.module';
import { StandingModule } from './standing/standing.module';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forRoot(evaluationDefinition, config), SchemesModule, StandingModule, CyclesModule, RecognitionModule, AppealsModule],
    };
  }
}
