import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordRevokedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { withdrawRecord, withdrawRecords } from './withdraw-record';

/**
 * `credit.records.revoked` → the item leaves public view at once (one consumer per subject:
 * Debian's nats-server 2.9 has no multi-filter consumers). Idempotent through the inbox, and
 * harmless for records that were never public.
 */
@Injectable()
export class WithdrawRevokedRecordHandler {
  constructor(private readonly log: PublicationLog) {}

  async handle(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    assertVersion(event);
    await withdrawRecord(manager, this.log, event.data.recordId, new Date(event.occurredAt), `revoked: ${event.data.reason}`);
  }

  /** `handle` for each event in turn, one statement per table (ADR 0033); a wrong version throws (fallback). */
  async handleBatch(events: readonly EventEnvelope<CreditRecordRevokedV1>[], manager: EntityManager): Promise<void> {
    events.forEach(assertVersion);
    await withdrawRecords(
      manager,
      this.log,
      events.map((event) => ({ recordId: event.data.recordId, at: new Date(event.occurredAt), reason: `revoked: ${event.data.reason}` })),
    );
  }
}

function assertVersion(event: EventEnvelope<CreditRecordRevokedV1>): void {
  if (event.version !== Events.CreditRecordRevoked.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
}
