import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import type { ListEntry } from '../../lists/domain/list-entry';
import { RegistryVehicle, subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleEngine } from './entry-rule-engine';

/**
 * The subject registry's vehicles → joint measures' vehicle→carrier table, from which carriers'
 * fleets are counted (ADR 0044), in the consumer's transaction. A carrier whose counted fleet
 * shrank (a vehicle moved to another carrier, was deregistered or is no longer a freight vehicle)
 * has its fleet-share rules evaluated again, as when a fleet is reported: more than 10 % of a
 * smaller fleet may now be violating. Growth is not evaluated: a larger fleet cannot make the rule
 * newly hold, and while a carrier's vehicles are still being imported one by one its fleet would
 * look smaller than it is.
 */
@Injectable()
export class ApplyRegistryVehiclesHandler {
  constructor(
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  /** Vehicles in stream order (a batch, or one); returns the entries the fleet-share rules proposed. */
  async changed(manager: EntityManager, vehicles: readonly RegistryVehicle[]): Promise<ListEntry[]> {
    const carriers = await subjectFacts.putRegistryVehicles(manager, vehicles);
    const today = chinaDateOf(new Date());
    const proposed: ListEntry[] = [];
    for (const carrierId of carriers.sort()) {
      this.cache.hold(carrierId);
      const carrier = await subjectFacts.namedSubject(manager, carrierId);
      // No record about the carrier: it has no violations either, so no share of its fleet can violate.
      if (!carrier || carrier.kind !== 'org') continue;
      proposed.push(...(await this.engine.onFleetReported(manager, carrier, today)));
    }
    return proposed;
  }
}
