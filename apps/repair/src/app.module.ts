import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import type { BaseServiceConfig } from '@platform/config';
import { repairDefinition } from './repair.definition';

@Module({})
export class AppModule {
  static register(config: BaseServiceConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(repairDefinition, config)] };
  }
}
