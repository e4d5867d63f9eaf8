import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@platform/service';
import { EvidenceModule } from './evidence/evidence.module';
import { ApplicationsModule } from './applications/applications.module';
import { RecordsModule } from './records/records.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { repairDefinition, type RepairConfig } from './repair.definition';

@Module({})
export class AppModule {
  static register(config: RepairConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forRoot(repairDefinition, config), RecordsModule, ApplicationsModule, RemindersModule, ReportsModule, EvidenceModule],
    };
  }
}
