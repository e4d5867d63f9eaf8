import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IngestMonitoringViolationHandler } from './application/ingest-monitoring-violation.handler';
import { MonitoringFeedConsumer } from './interface/monitoring-feed.consumer';

/** Monitoring platforms' violation feeds over JetStream, stored like REST submissions. */
@Module({
  imports: [CatalogueModule, RecordsModule],
  providers: [IngestMonitoringViolationHandler, MonitoringFeedConsumer],
})
export class MonitoringFeedModule {}
