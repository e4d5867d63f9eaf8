import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CreditRecordRevokedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { PublicRecordEntity } from '../infrastructure/public-record.entity';

/**
 * `credit.records.revoked` → the item leaves public view at once (one consumer per subject:
 * Debian's nats-server 2.9 has no multi-filter consumers). Idempotent through the inbox, and
 * harmless for records that were never public.
 */
@Injectable()
export class WithdrawRevokedRecordHandler implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: Events.CreditRecordRevoked.stream, durable: 'disclosure-credit-records-revoked', filterSubject: Events.CreditRecordRevoked.subject },
      (event, manager) => this.handle(event as EventEnvelope<CreditRecordRevokedV1>, manager),
    );
  }

  async handle(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordRevoked.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const withdrawnAt = new Date(event.occurredAt);
    const reason = `revoked: ${event.data.reason}`;
    await manager.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`, [event.data.recordId, withdrawnAt, reason]);
    await manager.update(PublicRecordEntity, { recordId: event.data.recordId, withdrawnAt: IsNull() }, { withdrawnAt, withdrawnReason: reason });
  }
}
