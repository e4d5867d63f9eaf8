import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RecordsModule } from '../records/records.module';
import { RecordPermitViolationHandler } from './application/record-permit-violation.handler';
import { PermitEventsConsumer } from './interface/permit-events.consumer';

/** Oversize transport violations found by the permits service, stored as credit records. */
@Module({
  imports: [CatalogueModule, RecordsModule],
  providers: [RecordPermitViolationHandler, PermitEventsConsumer],
})
export class PermitViolationsModule {}
