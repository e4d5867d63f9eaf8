import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { chinaDateOf } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, isDomainError } from '@platform/errors';
import { DecisionLog } from './decision-log';
import { decideScene, decisionSectors, mappingsNotApplied } from '../domain/decision';
import { isScene, SCENES, type Scene } from '../domain/measure-catalogue';
import type { DecideCommand, Decision } from './decide.command';
import { MeasureErrorCode } from '../domain/measure-errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { factsOn } from '../domain/subject-facts';
import { readSubjectFacts } from '../infrastructure/decision-facts.repository';
import { MEASURE_CATALOGUE, type MeasureCatalogueSource } from './measures.tokens';

/**
 * The decision API: which measures apply to a subject in a scene, and why. The facts come from
 * the read cache, invalidated after every committed change to them, or are read in parallel on
 * the pool; the answer is returned only after the decision and its
 * `measures.decisions.made` event are committed (DecisionLog, asynchronous commit: ADR 0036), so
 * an answered decision is on record. Any failure to read or log becomes an explicit
 * DECISION.UNAVAILABLE: the service never answers "allow" because it could not look.
 */
@Injectable()
export class DecideHandler {
  private readonly logger = new Logger('DecideHandler');

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: DecisionLog,
    @Inject(MEASURE_CATALOGUE) private readonly catalogue: MeasureCatalogueSource,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: DecideCommand): Promise<Decision> {
    assertScope(principal, Scopes.MeasuresDecide);
    const scene = command.scene;
    if (!isScene(scene)) {
      throw DomainError.validation(MeasureErrorCode.UnknownScene, [{ field: 'scene', message: `unknown scene "${scene}"; one of ${SCENES.join(', ')}` }]);
    }
    if (!command.subjectId) throw DomainError.validation(MeasureErrorCode.UnknownSubject, [{ field: 'subjectId', message: 'is required' }]);
    const region = command.region || principal.region;
    assertRegionScope(principal, region);
    try {
      return await this.decideAndLog(principal, { ...command, scene, region });
    } catch (error) {
      if (isDomainError(error)) throw error;
      this.logger.error({ err: error, subjectId: command.subjectId, scene }, 'decision unavailable');
      throw new DomainError(
        MeasureErrorCode.Unavailable,
        'unavailable',
        'Joint measures cannot decide now (its data is unreachable). This is not an allow: retry later or handle the case manually.',
      );
    }
  }

  private async decideAndLog(principal: Principal, q: { subjectId: string; scene: Scene; sector: string; region: string }): Promise<Decision> {
    const now = new Date();
    const on = chinaDateOf(now);
    // From the read cache when this replica holds the subject and its change feed is up (ADR 0025).
    const facts = factsOn(await this.cache.get(q.subjectId, () => readSubjectFacts(this.dataSource.manager, q.subjectId)), on);
    if (!facts.known)
      throw DomainError.notFound(MeasureErrorCode.UnknownSubject, `Subject ${q.subjectId} is unknown to the platform (no records, grades or list entries).`);
    const sectors = decisionSectors(q.sector || null, facts.registeredSectors);
    if (!sectors.ok) {
      throw new DomainError(
        MeasureErrorCode.SectorContradictsRegistry,
        'precondition',
        `The subject registry lists ${q.subjectId} in ${sectors.registered.join(', ')}, not ${sectors.requested}: the measures of a sector the subject is not licensed for do not apply to it.`,
        [
          {
            field: 'sector',
            message: `"${sectors.requested}" is not one of the subject's registered sectors (${sectors.registered.join(', ')}); omit it to ask about all of them`,
          },
        ],
      );
    }
    const catalogue = this.catalogue.measureCatalogue();
    const question = { scene: q.scene, region: q.region, sectors: sectors.sectors, on };
    const result = decideScene(question, facts, catalogue.measures, catalogue.mappings);
    const decision: Decision = {
      decisionId: uuidv7(),
      subjectId: q.subjectId,
      scene: q.scene,
      region: q.region,
      decidedAt: now.toISOString(),
      ...result,
      notApplied: mappingsNotApplied(question, catalogue.inactive),
    };
    // Answered only once on record (group commit, see DecisionLog).
    await this.log.record({ ...decision, sector: q.sector, askedBy: principal.clientId, decidedAt: now, decidedOn: on });
    return decision;
  }
}
