import { Module } from '@nestjs/common';
import { ConfigurationModule } from '../configuration/configuration.module';
import { FactsCacheModule } from '../facts-cache/facts-cache.module';
import { DecideHandler } from './application/decide.handler';
import { DecisionLog } from './application/decision-log';
import { measureCatalogueProvider } from './application/measures.tokens';
import { DecisionsGrpcController } from './interface/decisions.grpc.controller';
import { RegistrySubjectEventsConsumer } from './interface/registry-subject-events.consumer';

/** The measure catalogue, its mappings and the decision API (DOMAIN.md §4). */
@Module({
  imports: [FactsCacheModule, ConfigurationModule],
  controllers: [DecisionsGrpcController],
  providers: [measureCatalogueProvider, DecisionLog, DecideHandler, RegistrySubjectEventsConsumer],
})
export class MeasuresModule {}
