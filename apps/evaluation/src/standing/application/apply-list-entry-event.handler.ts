import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, ListEntryEffectiveV1, ListEntryRemovedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { SubjectListsRepository } from '../infrastructure/subject-lists.repository';
import { StandingCalculator } from './standing-calculator';

/**
 * Joint measures' list entries → the subject's lists (`subject.lists` in schemes: on the
 * bad-driver list → no star) → its standings, re-graded in the consumer's transaction with the
 * inbox row; ListEntryEventsConsumer delivers them.
 */
@Injectable()
export class ApplyListEntryEventHandler {
  constructor(private readonly standings: StandingCalculator) {}

  async effective(event: EventEnvelope<ListEntryEffectiveV1>, manager: EntityManager, now = new Date()): Promise<void> {
    if (event.version !== Events.ListEntryEffective.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await SubjectListsRepository.effective(manager, event.data, now);
    await this.standings.recompute(manager, event.data.subject.id, event.id);
  }

  async removed(event: EventEnvelope<ListEntryRemovedV1>, manager: EntityManager, now = new Date()): Promise<void> {
    if (event.version !== Events.ListEntryRemoved.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await SubjectListsRepository.removed(manager, event.data, now);
    await this.standings.recompute(manager, event.data.subject.id, event.id);
  }
}
