import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, ListEntryEffectiveV1, ListEntryRemovedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { SubjectListsRepository } from '../infrastructure/subject-lists.repository';
import { StandingCalculator } from './standing-calculator';

/**
 * Joint measures' list entries → the subject's lists (`subject.lists` in schemes: on the
 * bad-driver list → no star) → its standings, re-graded in the consumer's transaction with the
 * inbox row. One durable consumer per subject (nats-server 2.9: one filter per consumer).
 */
@Injectable()
export class ListEntryEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly standings: StandingCalculator,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: Events.ListEntryEffective.stream, durable: 'evaluation-list-entries-effective', filterSubject: Events.ListEntryEffective.subject },
      (event, manager) => this.effective(event as EventEnvelope<ListEntryEffectiveV1>, manager),
    );
    this.consumers.register(
      { stream: Events.ListEntryRemoved.stream, durable: 'evaluation-list-entries-removed', filterSubject: Events.ListEntryRemoved.subject },
      (event, manager) => this.removed(event as EventEnvelope<ListEntryRemovedV1>, manager),
    );
  }

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
