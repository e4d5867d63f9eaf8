import { Module } from '@nestjs/common';
import { repairChecklistProvider, repairRulesProvider } from './application/rules.tokens';

/** The repair rules and checklist (configuration, checked at load), for the features that apply them. */
@Module({
  providers: [repairRulesProvider, repairChecklistProvider],
  exports: [repairRulesProvider, repairChecklistProvider],
})
export class RulesModule {}
