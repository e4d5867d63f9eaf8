import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import type { RepairConfig } from '../../repair.definition';
import { isUuid, reapplyBarredUntil, revocationViolations, routedRefusal } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationRow, RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { RepairApplicationWriteResult } from './apply-for-repair.command';
import type { RevokeRepairApplicationCommand } from './revoke-repair-application.command';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';

/**
 * The deciding authority revokes a repair it approved because the commitment was false (issue 19
 * item 8; scope records:write, the record's authority region). `repair.records.repair-revoked` is
 * appended to the outbox in the same transaction: collection restores the record (back in force),
 * which disclosure, evaluation and joint measures act on; for a list entry
 * `repair.list-entries.repair-revoked`: joint measures undoes the entry's early removal. The subject may not apply again until
 * REPAIR_REVOCATION_BAR_MONTHS after today. Refused whole, nothing written: 400 REPAIR.INVALID,
 * 404 REPAIR.APPLICATION_NOT_FOUND, 403 REPAIR.NOT_DECIDING_AUTHORITY, 409 REPAIR.NOT_REVOCABLE.
 */
@Injectable()
export class RevokeRepairApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<RepairConfig, 'REPAIR_REVOCATION_BAR_MONTHS'>,
  ) {}

  async execute(principal: Principal, command: RevokeRepairApplicationCommand): Promise<RepairApplicationWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    if (!isUuid(command.applicationId)) throw notFound(command.applicationId);
    const violations = revocationViolations(command);
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The revocation is invalid; nothing was stored.');
    const { applicationId, reason } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'repair.revoke', request: { applicationId, reason } },
        () => this.revoke(manager, principal, command),
      ),
    );
    return { application: answer, replayed };
  }

  private async revoke(manager: EntityManager, principal: Principal, command: RevokeRepairApplicationCommand): Promise<RepairApplicationView> {
    const application = await RepairApplicationsRepository.find(manager, command.applicationId.toLowerCase(), { lock: true });
    if (!application) throw notFound(command.applicationId);
    const routed = routedRefusal(application);
    if (routed) throw new DomainError(routed.code, routed.status, routed.message, [routed.violation]);
    if (!isWithinRegion(principal, application.decidingRegion)) {
      throw DomainError.forbidden(
        RepairApplicationErrorCode.NotDecidingAuthority,
        `${application.recordId ? `Record ${application.recordId}` : `List entry ${application.listEntryId}`} was decided in region ${application.decidingRegion}, outside the client's region ${principal.region}: only its deciding authority revokes the repair (谁认定、谁修复).`,
      );
    }
    if (application.status !== 'approved') {
      throw DomainError.conflict(
        RepairApplicationErrorCode.NotRevocable,
        `Application ${application.id} is ${application.status}: only an approved repair can be revoked.`,
      );
    }
    const revokedAt = new Date();
    await revokeRepair(this.outbox, manager, application, {
      reason: command.reason,
      revokedBy: principal.clientId,
      revokedAt,
      barMonths: this.config.REPAIR_REVOCATION_BAR_MONTHS,
    });
    return repairApplicationView((await RepairApplicationsRepository.find(manager, application.id))!, chinaDateOf(revokedAt));
  }
}

/**
 * Revokes an approved repair in the caller's transaction: the application is `revoked`, the
 * subject barred from applying again for `barMonths` from today, and what the repair ended is
 * restored — `repair.records.repair-revoked` (collection puts the record back in force) or, for a
 * list entry, `repair.list-entries.repair-revoked` (joint measures undoes its early removal, ADR
 * 0076). The one path every revocation takes: a local unit's, or a partner province's revocation
 * of a repair it approved for us (ADR 0088).
 */
export async function revokeRepair(
  outbox: OutboxPublisher,
  manager: EntityManager,
  application: RepairApplicationRow,
  revocation: { reason: string; revokedBy: string; revokedAt: Date; barMonths: number },
): Promise<void> {
  const { reason, revokedBy, revokedAt } = revocation;
  const barredUntil = reapplyBarredUntil(chinaDateOf(revokedAt), revocation.barMonths);
  await RepairApplicationsRepository.revoke(manager, application.id, { reason, revokedBy, revokedAt, barredUntil });
  const envelope = { subjectId: application.subjectId, region: application.decidingRegion, occurredAt: revokedAt };
  const common = {
    applicationId: application.id,
    subject: { kind: application.subjectKind as 'org' | 'person' | 'vehicle' | 'vessel', id: application.subjectId },
    revokedBy,
    revokedAt: revokedAt.toISOString(),
    reason,
    barredUntil,
  };
  if (application.targetKind === 'list-entry') {
    await outbox.append(manager, Events.RepairListEntryRepairRevoked, {
      ...envelope,
      data: { ...common, entryId: application.listEntryId!, listType: application.recordType },
    });
    return;
  }
  await outbox.append(manager, Events.RepairRecordRepairRevoked, { ...envelope, data: { ...common, recordId: application.recordId! } });
}

function notFound(applicationId: string): DomainError {
  return DomainError.notFound(RepairApplicationErrorCode.NotFound, `No repair application ${applicationId}.`);
}
