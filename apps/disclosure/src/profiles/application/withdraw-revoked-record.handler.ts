import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordRevokedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { withdrawRecord } from './withdraw-record';

/**
 * `credit.records.revoked` → the item leaves public view at once (one consumer per subject:
 * Debian's nats-server 2.9 has no multi-filter consumers). Idempotent through the inbox, and
 * harmless for records that were never public.
 */
@Injectable()
export class WithdrawRevokedRecordHandler implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly log: PublicationLog,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: Events.CreditRecordRevoked.stream, durable: 'disclosure-credit-records-revoked', filterSubject: Events.CreditRecordRevoked.subject },
      (event, manager) => this.handle(event as EventEnvelope<CreditRecordRevokedV1>, manager),
    );
  }

  async handle(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordRevoked.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await withdrawRecord(manager, this.log, event.data.recordId, new Date(event.occurredAt), `revoked: ${event.data.reason}`);
  }
}
