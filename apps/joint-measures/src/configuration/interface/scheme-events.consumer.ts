import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationSchemePublishedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { knownSchemeOf } from '../domain/known-scheme';
import { configurationTables } from '../infrastructure/configuration.repository';

/**
 * Evaluation's scheme catalogue (`evaluation.schemes.published`, ADR 0043): each announced
 * version is kept in known_schemes (the latest per scheme; the inbox makes a redelivery a no-op).
 * What waited for the scheme is re-checked from then on: every replica re-reads the configuration
 * in force when known_schemes changes, and entry rules are checked on each event.
 */
@Injectable()
export class SchemeEventsConsumer implements OnModuleInit {
  private readonly logger = new Logger('SchemeEventsConsumer');

  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationSchemePublished, 'joint-measures-scheme-catalogue', { one: (event, manager) => this.published(event, manager) });
  }

  async published(event: EventEnvelope<EvaluationSchemePublishedV1>, manager: EntityManager): Promise<void> {
    const s = event.data;
    if (
      !s?.schemeId ||
      !Number.isInteger(s.version) ||
      !s.ladder?.id ||
      !Array.isArray(s.ladder.grades) ||
      s.ladder.grades.length === 0 ||
      !Array.isArray(s.regions) ||
      !s.name
    ) {
      throw new PoisonMessageError('a published scheme needs schemeId, version, name, ladder.id, ladder.grades and regions');
    }
    const changed = await configurationTables.putKnownScheme(manager, knownSchemeOf(s), s.name, s.publishedAt || event.occurredAt);
    if (changed) this.logger.log(`scheme ${s.schemeId} version ${s.version} is known (ladder ${s.ladder.id}); configuration waiting for it is re-checked`);
  }
}
