import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RepairNoticeIssuedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { PROFILE_CHANGES, ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';

const CHINA_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Notices issued before they carried the record's version were all computed from the record as received. */
function recordVersionOf(n: RepairNoticeIssuedV1): number {
  return Number.isInteger(n.recordVersion) && (n.recordVersion as number) > 0 ? (n.recordVersion as number) : 1;
}

/**
 * `repair.notices.issued` → the "可修复" entry beside a published record (issue 19 item 9, issue 21):
 * the first day a repair may be applied for and the mode (commitment or closed loop), exactly as
 * the repair service's rules computed them (国家发展改革委令2025年第36号 minimum periods, DOMAIN.md
 * §5). Kept by record id whether or not the record is projected yet (the streams are independent);
 * the profile shows it only beside a record in its window. Individuals have no public profile
 * (ADR 0031), so their notices are not kept. A notice older than the one kept is ignored.
 */
@Injectable()
export class ProjectRepairNoticeHandler {
  constructor(@Inject(PROFILE_CHANGES) private readonly changes: ProfileChangesPort) {}

  async handle(event: EventEnvelope<RepairNoticeIssuedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.RepairNoticeIssued.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const n = event.data;
    if (!n?.recordId || !n.subject?.id || !CHINA_DATE.test(n.earliestRepairDate ?? '') || !n.mode || !Number.isFinite(Date.parse(n.issuedAt))) {
      throw new PoisonMessageError('a repair notice needs recordId, subject.id, earliestRepairDate (YYYY-MM-DD), mode and issuedAt');
    }
    if (n.subject.kind !== 'org') return;
    // The notice of the newest record version wins (a correction's notice over the original, even if
    // the original's consumer delivers later); of one version, the one issued last.
    const kept: unknown[] = await manager.query(
      `INSERT INTO public_repair_notices (record_id, uscc, earliest_repair_date, mode, mode_basis, issued_at, record_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (record_id) DO UPDATE SET earliest_repair_date = EXCLUDED.earliest_repair_date, mode = EXCLUDED.mode,
         mode_basis = EXCLUDED.mode_basis, issued_at = EXCLUDED.issued_at, record_version = EXCLUDED.record_version
       WHERE (public_repair_notices.record_version, public_repair_notices.issued_at) < (EXCLUDED.record_version, EXCLUDED.issued_at)
       RETURNING record_id`,
      [n.recordId, n.subject.id, n.earliestRepairDate, n.mode, n.modeBasis ?? '', n.issuedAt, recordVersionOf(n)],
    );
    if (kept.length > 0) await this.changes.touch(manager, [n.subject.id]);
  }
}
