import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { decisionViolations, isUuid, routedRefusal, type RepairOutcome } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationRow, RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { RepairApplicationWriteResult } from './apply-for-repair.command';
import type { DecideRepairApplicationCommand } from './decide-repair-application.command';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';

/**
 * The deciding authority decides a pending application (谁认定、谁修复: a unit whose region covers
 * the record's authority region, scope records:write). Approved: `repair.records.repaired` (a list
 * entry: `repair.list-entries.repaired`, joint measures removes it) is
 * appended to the outbox in the same transaction, and collection turns it into the record's
 * `repaired` version, which disclosure, evaluation and joint measures act on. Rejected: the
 * record stays published. Refused whole, nothing written: 400 REPAIR.INVALID, 404
 * REPAIR.APPLICATION_NOT_FOUND, 403 REPAIR.NOT_DECIDING_AUTHORITY, 409 REPAIR.ALREADY_DECIDED, 409
 * REPAIR.ROUTED_TO_PARTNER (routed to the partner province that decided the record, ADR 0084).
 */
@Injectable()
export class DecideRepairApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(principal: Principal, command: DecideRepairApplicationCommand): Promise<RepairApplicationWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    if (!isUuid(command.applicationId)) throw notFound(command.applicationId);
    const violations = decisionViolations(command);
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The decision is invalid; nothing was stored.');
    const { applicationId, outcome, reason } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'repair.decide', request: { applicationId, outcome, reason } },
        () => this.decide(manager, principal, command),
      ),
    );
    return { application: answer, replayed };
  }

  private async decide(manager: EntityManager, principal: Principal, command: DecideRepairApplicationCommand): Promise<RepairApplicationView> {
    const application = await RepairApplicationsRepository.find(manager, command.applicationId.toLowerCase(), { lock: true });
    if (!application) throw notFound(command.applicationId);
    const routed = routedRefusal(application);
    if (routed) throw new DomainError(routed.code, routed.status, routed.message, [routed.violation]);
    if (!isWithinRegion(principal, application.decidingRegion)) {
      throw DomainError.forbidden(
        RepairApplicationErrorCode.NotDecidingAuthority,
        `${application.recordId ? `Record ${application.recordId}` : `List entry ${application.listEntryId}`} was decided in region ${application.decidingRegion}, outside the client's region ${principal.region}: only its deciding authority decides the repair (谁认定、谁修复).`,
      );
    }
    if (application.status !== 'pending') {
      throw DomainError.conflict(RepairApplicationErrorCode.AlreadyDecided, `Application ${application.id} was ${application.status} already.`);
    }
    const outcome = command.outcome as RepairOutcome;
    const decidedAt = new Date();
    await RepairApplicationsRepository.decide(manager, application.id, { outcome, reason: command.reason, decidedBy: principal.clientId, decidedAt });
    if (outcome === 'approved') await announceRepair(this.outbox, manager, application, principal.clientId, decidedAt, command.reason);
    return repairApplicationView((await RepairApplicationsRepository.find(manager, application.id))!, chinaDateOf(decidedAt));
  }
}

/**
 * Approved: `repair.records.repaired` for a record, `repair.list-entries.repaired` for a list entry, in the decision's
 * transaction. The one path every approval takes: a local unit's, or a partner province's answer (ADR 0084).
 */
export async function announceRepair(
  outbox: OutboxPublisher,
  manager: EntityManager,
  application: RepairApplicationRow,
  decidedBy: string,
  decidedAt: Date,
  reason: string,
): Promise<void> {
  const subject = { kind: application.subjectKind as 'org' | 'person' | 'vehicle' | 'vessel', id: application.subjectId };
  const envelope = { subjectId: application.subjectId, region: application.decidingRegion, occurredAt: decidedAt };
  const decision = { applicationId: application.id, subject, decidedBy, decidedAt: decidedAt.toISOString(), reason };
  if (application.targetKind === 'list-entry') {
    await outbox.append(manager, Events.RepairListEntryRepaired, {
      ...envelope,
      data: { ...decision, entryId: application.listEntryId!, listType: application.recordType },
    });
    return;
  }
  await outbox.append(manager, Events.RepairRecordRepaired, {
    ...envelope,
    data: { ...decision, recordId: application.recordId!, path: application.mode },
  });
}

function notFound(applicationId: string): DomainError {
  return DomainError.notFound(RepairApplicationErrorCode.NotFound, `No repair application ${applicationId}.`);
}
