import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { RepairRecordReader } from '../../records/application/repair-record-reader';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import type { RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import type { RepairConfig } from '../../repair.definition';
import { forwardedApplicationViolations, sameForwardedRequest } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { RepairApplicationWriteResult } from './apply-for-repair.command';
import { recordTargetFacts } from './apply-for-repair.handler';
import { repairApplicationView } from './repair-application.view';
import { REPAIR_CALENDAR } from './repair.tokens';

export interface ReceivePartnerRepairApplicationCommand {
  recordId: string;
  subjectId: string;
  commitment: string;
  evidence: string[];
  reference: string;
}

/**
 * A partner province forwards the application a subject filed there about a record WE decided
 * (谁认定、谁修复, ADR 0084; the gateway has checked the agreement with the sender). It is checked as
 * a local application is (DOMAIN.md §5) and queued for our deciding unit, marked with the partner
 * as origin; the partner reads our decision back. Idempotent on the partner's reference: the same
 * request again → the first answer, replayed; another request → 409 REPAIR.REFERENCE_REUSED.
 * Refused, nothing stored: 404 REPAIR.RECORD_NOT_FOUND (no record of ours with that id), 409
 * REPAIR.NOT_DECIDED_HERE (a record another partner pushed: not ours to decide), 422
 * REPAIR.SUBJECT_MISMATCH, and the local eligibility codes.
 */
@Injectable()
export class ReceivePartnerRepairApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RepairRecordReader,
    @Inject(REPAIR_RULES) private readonly rules: RepairRules,
    @Inject(REPAIR_CHECKLIST) private readonly checklist: RepairChecklist,
    @Inject(REPAIR_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<RepairConfig, 'REPAIR_DECISION_WORKING_DAYS'>,
  ) {}

  async execute(principal: Principal, command: ReceivePartnerRepairApplicationCommand): Promise<RepairApplicationWriteResult> {
    assertScope(principal, Scopes.ExchangeWrite);
    const violations = forwardedApplicationViolations(command);
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The application is invalid; nothing was stored.');
    return this.dataSource.transaction((manager) => this.receive(manager, principal, command));
  }

  private async receive(manager: EntityManager, principal: Principal, command: ReceivePartnerRepairApplicationCommand): Promise<RepairApplicationWriteResult> {
    const held = await RepairApplicationsRepository.findByOrigin(manager, principal.region, command.reference);
    if (held) {
      if (!sameForwardedRequest(held, command)) throw referenceReused(command.reference);
      return { application: repairApplicationView(held, chinaDateOf(new Date())), replayed: true };
    }
    const record = await this.records.find(manager, command.recordId.toLowerCase());
    if (!record) throw DomainError.notFound(RepairApplicationErrorCode.RecordNotFound, `No credit record ${command.recordId} was decided here.`);
    if (record.partner) {
      throw DomainError.conflict(
        RepairApplicationErrorCode.NotDecidedHere,
        `Record ${record.recordId} was decided by province ${record.partner.region}, not here: its repair is decided there (谁认定、谁修复).`,
      );
    }
    if (record.subjectId !== command.subjectId) {
      const message = `not the subject of record ${record.recordId}`;
      throw new DomainError(RepairApplicationErrorCode.SubjectMismatch, 'precondition', message, [{ field: 'subject.id', message, code: 'MISMATCH' }]);
    }
    const facts = await recordTargetFacts(manager, { records: this.records, rules: this.rules, checklist: this.checklist }, record, command.evidence);
    const today = chinaDateOf(facts.appliedAt);
    const stored = {
      ...facts,
      id: randomUUID(),
      commitment: command.commitment,
      evidence: command.evidence,
      appliedBy: principal.clientId,
      decisionDueOn: this.calendar.deadline(today, this.config.REPAIR_DECISION_WORKING_DAYS).date,
      status: 'pending' as const,
      originPartner: principal.region,
      originReference: command.reference,
    };
    if (!(await RepairApplicationsRepository.insert(manager, stored))) {
      throw DomainError.conflict(RepairApplicationErrorCode.AlreadyApplied, `An application for ${record.recordId} is pending or approved already.`);
    }
    return { application: repairApplicationView((await RepairApplicationsRepository.find(manager, stored.id))!, today), replayed: false };
  }
}

function referenceReused(reference: string): DomainError {
  const message = 'sent before with another application: a new application is a new reference';
  return new DomainError(RepairApplicationErrorCode.ReferenceReused, 'conflict', `Reference ${reference} ${message}.`, [
    { field: 'reference', message, code: 'REUSED' },
  ]);
}
