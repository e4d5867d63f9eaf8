import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, isDomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { decideScene, type DecisionResult } from '../domain/decision';
import { isScene, SCENES, type Scene } from '../domain/measure-catalogue';
import { MeasureErrorCode, type MeasureCatalogue } from '../domain/measure-config';
import { loadDecisionFacts } from '../infrastructure/decision-facts.repository';
import { MEASURE_CATALOGUE } from './measures.tokens';

export interface DecisionQuery {
  subjectId: string;
  scene: string;
  sector: string;
  region: string;
}

export interface Decision extends DecisionResult {
  decisionId: string;
  subjectId: string;
  scene: Scene;
  region: string;
  decidedAt: string;
}

/**
 * The decision API: which measures apply to a subject in a scene, and why. The decision and its
 * `measures.decisions.made` event are written in the same transaction as it is computed, so a
 * decision that was answered is always on record. Any failure to read or log becomes an explicit
 * DECISION.UNAVAILABLE: the service never answers "allow" because it could not look.
 */
@Injectable()
export class DecideQuery {
  private readonly logger = new Logger('DecideQuery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(MEASURE_CATALOGUE) private readonly catalogue: MeasureCatalogue,
  ) {}

  async execute(principal: Principal, query: DecisionQuery): Promise<Decision> {
    assertScope(principal, Scopes.MeasuresDecide);
    const scene = query.scene;
    if (!isScene(scene)) {
      throw DomainError.validation(MeasureErrorCode.UnknownScene, [{ field: 'scene', message: `unknown scene "${scene}"; one of ${SCENES.join(', ')}` }]);
    }
    if (!query.subjectId) throw DomainError.validation(MeasureErrorCode.UnknownSubject, [{ field: 'subjectId', message: 'is required' }]);
    const region = query.region || principal.region;
    assertRegionScope(principal, region);
    try {
      return await this.dataSource.transaction((manager) => this.decideAndLog(manager, principal, { ...query, scene, region }));
    } catch (error) {
      if (isDomainError(error)) throw error;
      this.logger.error({ err: error, subjectId: query.subjectId, scene }, 'decision unavailable');
      throw new DomainError(MeasureErrorCode.Unavailable, 'unavailable', 'Joint measures cannot decide now (its data is unreachable). This is not an allow: retry later or handle the case manually.');
    }
  }

  private async decideAndLog(manager: EntityManager, principal: Principal, q: { subjectId: string; scene: Scene; sector: string; region: string }): Promise<Decision> {
    const now = new Date();
    const on = chinaDateOf(now);
    const facts = await loadDecisionFacts(manager, q.subjectId, on);
    if (!facts.known) throw DomainError.notFound(MeasureErrorCode.UnknownSubject, `Subject ${q.subjectId} is unknown to the platform (no records, grades or list entries).`);
    const result = decideScene({ scene: q.scene, region: q.region, sector: q.sector || null, on }, facts, this.catalogue.measures, this.catalogue.mappings);
    const decision: Decision = { decisionId: uuidv7(), subjectId: q.subjectId, scene: q.scene, region: q.region, decidedAt: now.toISOString(), ...result };
    await manager.query(
      `INSERT INTO decisions (id, subject_id, scene, region, sector, outcome, measures, reasons, asked_by, decided_at, decided_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [decision.decisionId, q.subjectId, q.scene, q.region, q.sector, result.outcome, JSON.stringify(result.measures), JSON.stringify(result.reasons), principal.clientId, now, on],
    );
    await this.outbox.append(manager, Events.MeasuresDecisionMade, {
      subjectId: q.subjectId,
      region: q.region,
      occurredAt: now,
      data: { ...decision, sector: q.sector || null, askedBy: principal.clientId },
    });
    return decision;
  }
}
