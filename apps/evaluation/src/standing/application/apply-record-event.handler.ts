import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordExpiredV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { StoredRecord, SubjectRecordsRepository } from '../infrastructure/subject-records.repository';
import { StandingCalculator } from './standing-calculator';

/** The reason a repaired record's withdrawal starts with (the rest names the deciding client). */
const REPAIR_WITHDRAWAL_PREFIX = 'repaired by ';
/**
 * Record events (delivered by RecordEventsConsumer) → the subject's record set → its standing,
 * in the consumer's transaction with the inbox row (a redelivered event changes nothing).
 * Revocation, expiry and repair withdraw the record from the instant they take effect; a
 * correction replaces its facts; then the subject is recomputed.
 */
@Injectable()
export class ApplyRecordEventHandler {
  constructor(private readonly standings: StandingCalculator) {}

  /** The publicity period is over (DOMAIN.md §5): the record no longer counts. */
  async expired(event: EventEnvelope<CreditRecordExpiredV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordExpired.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await SubjectRecordsRepository.withdraw(manager, event.data.recordId, new Date(event.data.expiredAt), `expired: ${event.data.basis}`);
    await this.standings.recompute(manager, event.data.subject.id, event.id);
  }

  /** `expired` for a batch: as `createdBatch`, one statement per table and each subject recomputed once. */
  async expiredBatch(events: EventEnvelope<CreditRecordExpiredV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.CreditRecordExpired.version);
    await SubjectRecordsRepository.withdrawMany(
      manager,
      events.map((event) => ({ recordId: event.data.recordId, at: new Date(event.data.expiredAt), reason: `expired: ${event.data.basis}` })),
    );
    await this.standings.recomputeMany(manager, lastEventBySubject(events));
  }

  /**
   * A correction (an upheld objection) changes what the record says; a repair (信用修复, DOMAIN.md
   * §5) withdraws the record from `changedAt` on, exactly like a revocation: as of before that
   * instant it still counts; a revoked repair (`repair-revoked`) makes it count again. Other updates (objection opened or rejected) change no facts.
   */
  async updated(event: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordUpdated.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const record = event.data;
    if (record.change === 'repaired') {
      const at = new Date(record.changedAt);
      if (Number.isNaN(at.getTime())) throw new PoisonMessageError(`repair of ${record.recordId} has no valid changedAt`);
      // Like a revocation, the withdrawal waits in record_withdrawals if the record is not stored yet.
      await SubjectRecordsRepository.withdraw(manager, record.recordId, at, `${REPAIR_WITHDRAWAL_PREFIX}${record.changedBy}`);
      await this.standings.recompute(manager, record.subject.id, event.id);
      return;
    }
    if (record.change === 'repair-revoked') {
      // The repair was revoked (false commitment, issue 19 item 8): the record counts again.
      if (await SubjectRecordsRepository.restore(manager, record.recordId, REPAIR_WITHDRAWAL_PREFIX)) {
        await this.standings.recompute(manager, record.subject.id, event.id);
      }
      return;
    }
    if (record.change !== 'corrected') return;
    const stored = await SubjectRecordsRepository.correct(manager, record.recordId, {
      severity: record.severity,
      decisionDate: record.decisionDate,
      payload: record.payload ?? {},
    });
    // Redelivered later, after credit.records.created (a separate consumer) has stored the record.
    if (!stored) throw new Error(`record ${record.recordId} is not stored yet; retry after its creation`);
    await this.standings.recompute(manager, record.subject.id, event.id);
  }

  async created(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordCreated.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await SubjectRecordsRepository.insert(manager, storedRecord(event.data));
    await this.standings.recompute(manager, event.data.subject.id, event.id);
  }

  /**
   * `created` for a batch (ADR 0033): every record inserted in one statement, then each distinct
   * subject recomputed once from its records after the whole batch (StandingCalculator.recomputeMany:
   * one statement per table). The standings left are those of `created` applied to each event in
   * turn; the history is not: a subject with several records in the batch gets one net change
   * (standing before the batch → after it), so grades it passed through in between are neither
   * kept in `standing_changes` nor announced, and a net "no change" announces nothing. The cause
   * of that change is the subject's last event in the batch: the one after which, applied one by
   * one, the subject would stand exactly as announced (earlier events' changes, if any, are folded
   * into it). A wrong version throws, so the batch falls back to `created`, which dead-letters it.
   */
  async createdBatch(events: EventEnvelope<CreditRecordCreatedV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.CreditRecordCreated.version);
    await SubjectRecordsRepository.insertMany(
      manager,
      events.map((event) => storedRecord(event.data)),
    );
    await this.standings.recomputeMany(manager, lastEventBySubject(events));
  }

  async revoked(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordRevoked.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    await SubjectRecordsRepository.withdraw(manager, event.data.recordId, new Date(event.data.revokedAt), `revoked: ${event.data.reason}`);
    await this.standings.recompute(manager, event.data.subject.id, event.id);
  }

  /** `revoked` for a batch: as `createdBatch`, one statement per table and each subject recomputed once. */
  async revokedBatch(events: EventEnvelope<CreditRecordRevokedV1>[], manager: EntityManager): Promise<void> {
    assertVersion(events, Events.CreditRecordRevoked.version);
    await SubjectRecordsRepository.withdrawMany(
      manager,
      events.map((event) => ({ recordId: event.data.recordId, at: new Date(event.data.revokedAt), reason: `revoked: ${event.data.reason}` })),
    );
    await this.standings.recomputeMany(manager, lastEventBySubject(events));
  }
}

/** A batch with an event of another version throws: the per-event fallback dead-letters that one. */
function assertVersion(events: readonly EventEnvelope[], version: number): void {
  const wrong = events.find((event) => event.version !== version);
  if (wrong) throw new PoisonMessageError(`unsupported version ${wrong.version} (event ${wrong.id})`);
}

/** Each subject's last event in the batch (stream order): the cause of its net change. */
function lastEventBySubject(events: readonly EventEnvelope<{ subject: { id: string } }>[]): Map<string, string> {
  const causes = new Map<string, string>();
  for (const event of events) causes.set(event.data.subject.id, event.id);
  return causes;
}

function storedRecord(record: CreditRecordCreatedV1): StoredRecord {
  return {
    recordId: record.recordId,
    subjectId: record.subject.id,
    subjectKind: record.subject.kind,
    region: record.region,
    recordType: record.recordType,
    severity: record.severity,
    decisionDate: record.decisionDate,
    payload: record.payload ?? {},
    receivedAt: record.receivedAt,
  };
}
