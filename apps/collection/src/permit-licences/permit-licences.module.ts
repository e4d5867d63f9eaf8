import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RecordsModule } from '../records/records.module';
import { RecordPermitLicenceHandler } from './application/record-permit-licence.handler';
import { WithdrawPermitLicenceHandler } from './application/withdraw-permit-licence.handler';
import { PermitEventsConsumer } from './interface/permit-events.consumer';

/** Issued oversize transport permits, stored as 行政许可 records so they are published (双公示); a revoked permit withdraws its record. */
@Module({
  imports: [CatalogueModule, RecordsModule],
  providers: [RecordPermitLicenceHandler, WithdrawPermitLicenceHandler, PermitEventsConsumer],
})
export class PermitLicencesModule {}
