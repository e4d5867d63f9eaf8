import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { runUpdate } from '@platform/database';
import { PoisonMessageError } from '@platform/messaging';
import { publicationWindow, publishedOnProfile } from '../domain/publication';
import { findPublicItem } from '../infrastructure/public-items';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';
import { PROFILE_CHANGES, ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { republishRecord } from './republish-record';
import { withdrawRecord } from './withdraw-record';

/** The reason a repaired record's withdrawal carries, in the read model and the publication log. */
export const REPAIR_REASON = 'repair';
/** The change of a record whose repair was revoked (collection's `repair-revoked` version). */
export const REPAIR_REVOKED_CHANGE = 'repair-revoked';

/**
 * `credit.records.updated`:
 * - a correction → the public sees the corrected document number, date and severity at once, and
 *   the publicity period follows the corrected date and severity. A correction older than what
 *   is shown is ignored; one that arrives before its record was projected is retried.
 * - a repair (status `repaired`, 信用修复 approved; DOMAIN.md §6: a repaired record disappears from
 *   public view but stays in the audit trail) → the item is withdrawn at once, logged as
 *   `withdrawn` with reason `repair`; whatever the version, final unless the repair is revoked. A repair that
 *   arrives before its record's projection is kept and wins when the record arrives.
 * - an objection opened or rejected → the item is marked as under objection (异议处理中) or no
 *   longer; its content and period do not change. An update older than what is shown is ignored;
 *   one that arrives before its record was projected is retried.
 * - a revoked repair (change `repair-revoked`, issue 19 item 8) → the item withdrawn for the
 *   repair is shown again for the rest of its period, logged as `published`.
 */
@Injectable()
export class ApplyCorrectionHandler {
  constructor(
    private readonly log: PublicationLog,
    @Inject(PROFILE_CHANGES) private readonly changes: ProfileChangesPort,
  ) {}

  async handle(event: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordUpdated.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const record = event.data;
    if (record.status === 'repaired' || record.change === 'repaired') {
      await withdrawRecord(manager, this.log, record.recordId, new Date(event.occurredAt), REPAIR_REASON);
      return;
    }
    if (record.change === REPAIR_REVOKED_CHANGE) {
      await republishRecord(manager, this.log, record.recordId, new Date(event.occurredAt), REPAIR_REASON);
      return;
    }
    if (!publishedOnProfile(record)) return;
    if (record.change === 'objection-opened' || record.change === 'objection-rejected') {
      await this.markObjection(manager, record, record.change === 'objection-opened');
      return;
    }
    if (record.change !== 'corrected') return;
    const shown: { record_version: number; published_from: Date }[] = await manager.query(
      `SELECT record_version, published_from FROM public_records WHERE record_id = $1 FOR UPDATE`,
      [record.recordId],
    );
    if (shown.length === 0) throw new Error(`record ${record.recordId} is not projected yet; retry after credit.records.created`);
    if (shown[0].record_version >= record.version) return;
    const window = publicationWindow(record.decisionDate, record.severity, shown[0].published_from, record.publicityEndsOn);
    await manager.query(
      `UPDATE public_records SET document_number = $2, decision_date = $3, severity = $4, published_until = $5, record_version = $6, corrected = true, under_objection = false WHERE record_id = $1`,
      [record.recordId, record.documentNumber, record.decisionDate, record.severity, window.until, record.version],
    );
    await manager.query(`UPDATE public_subjects SET name = $2, updated_at = now() WHERE uscc = $1`, [record.subject.id, record.subject.name]);
    await this.changes.touch(manager, [record.subject.id]);
    const item = await findPublicItem(manager, record.recordId);
    const at = new Date(event.occurredAt);
    if (item && !item.withdrawnAt && item.publishedUntil > at) await this.log.append(manager, [publicationContent('corrected', item, at)]);
  }

  /** The objection marker follows the newest update; one older than what is shown is ignored. */
  private async markObjection(manager: EntityManager, record: CreditRecordUpdatedV1, open: boolean): Promise<void> {
    const { affected } = await runUpdate(
      manager,
      `UPDATE public_records SET under_objection = $2, record_version = $3 WHERE record_id = $1 AND record_version < $3`,
      [record.recordId, open, record.version],
    );
    if (affected > 0) {
      await this.changes.touch(manager, [record.subject.id]);
      return;
    }
    // Its own consumer may run ahead of credit.records.created's: an objection about a record not
    // projected yet is retried (as a correction is), never dropped — else the marker never shows.
    const shown: unknown[] = await manager.query(`SELECT 1 FROM public_records WHERE record_id = $1`, [record.recordId]);
    if (shown.length === 0) throw new Error(`record ${record.recordId} is not projected yet; retry after credit.records.created`);
  }
}
