import { Module } from '@nestjs/common';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { ConfigurationAdminHandler } from './application/configuration-admin.handler';
import { ConfigurationInForce } from './application/configuration-in-force';
import { ConfigurationGrpcController } from './interface/configuration.grpc.controller';
import { SchemeEventsConsumer } from './interface/scheme-events.consumer';

/**
 * Configuration that cannot point at nothing (ADR 0043): the schemes evaluation announced, the
 * measure mappings and draw plans in force checked against them, and the admin API of every
 * versioned set (mappings, draw plans, entry rules).
 */
@Module({
  controllers: [ConfigurationGrpcController],
  providers: [ConfigurationInForce, ConfigurationAdminHandler, EntryRuleStore, SchemeEventsConsumer],
  exports: [ConfigurationInForce],
})
export class ConfigurationModule {}
