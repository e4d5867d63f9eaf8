import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, isIsoDate } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, type FieldViolation } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { ListEntryErrorCode } from '../../lists/domain/list-errors';
import type { CarrierFleet } from '../domain/record-facts';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleEngine } from './entry-rule-engine';
import type { FleetReport, ReportFleetSizeCommand } from './report-fleet-size.command';

/**
 * A licensing authority reports how many freight vehicles a carrier runs (ADR 0026). The carrier
 * must be known here (records about it collected) and within the caller's region; the latest
 * report by date counts, and the fleet-share rules run on it at once.
 */
@Injectable()
export class ReportFleetSizeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: ReportFleetSizeCommand): Promise<FleetReport> {
    assertScope(principal, Scopes.RecordsWrite);
    const today = chinaDateOf(new Date());
    const violations: FieldViolation[] = [];
    if (!command.subjectId) violations.push({ field: 'subjectId', message: 'is required' });
    if (!Number.isInteger(command.vehicles) || command.vehicles < 1 || command.vehicles > 1_000_000)
      violations.push({ field: 'vehicles', message: 'must be a whole number from 1 to 1000000' });
    if (!isIsoDate(command.asOf) || command.asOf > today) violations.push({ field: 'asOf', message: 'must be a date (YYYY-MM-DD), not in the future' });
    if (!command.source?.trim()) violations.push({ field: 'source', message: 'is required (where the count comes from)' });
    if (violations.length > 0) throw DomainError.validation(ListEntryErrorCode.Invalid, violations);
    this.cache.hold(command.subjectId);
    return this.dataSource.transaction(async (manager) => {
      const carrier = await subjectFacts.namedSubject(manager, command.subjectId);
      if (!carrier)
        throw DomainError.notFound(
          ListEntryErrorCode.UnknownSubject,
          `No credit record about carrier ${command.subjectId} has been collected; a fleet size needs a known carrier.`,
        );
      if (carrier.kind !== 'org')
        throw DomainError.validation(ListEntryErrorCode.Invalid, [
          { field: 'subjectId', message: `a fleet belongs to a carrier (org), not a ${carrier.kind}` },
        ]);
      assertRegionScope(principal, carrier.region, 'subjectId');
      const fleet: CarrierFleet = {
        subjectId: command.subjectId,
        vehicles: command.vehicles,
        asOf: command.asOf,
        source: command.source.trim(),
        reportedBy: principal.clientId,
      };
      const stored = await subjectFacts.putFleet(manager, fleet);
      const proposed = stored ? await this.engine.onFleetReported(manager, carrier, today) : [];
      return { fleet: stored ? fleet : (await subjectFacts.fleetOf(manager, command.subjectId))!, stored, proposed };
    });
  }
}
