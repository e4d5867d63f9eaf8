import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IngestMonitoringViolationHandler } from './application/ingest-monitoring-violation.handler';
import { MonitoringEventsConsumer } from './interface/monitoring-events.consumer';

/** Monitoring platforms' violation feeds over JetStream, stored like REST submissions. */
@Module({
  imports: [CatalogueModule, RecordsModule],
  providers: [IngestMonitoringViolationHandler, MonitoringEventsConsumer],
})
export class MonitoringFeedModule {}
