import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { findStoredFiles } from '@platform/files';
import { SERVICE_CONFIG } from '@platform/service';
import { evidenceFileHashes, evidenceFileViolations } from '../../evidence/domain/evidence-files';
import { RepairRecordReader } from '../../records/application/repair-record-reader';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import type { RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import type { RepairConfig } from '../../repair.definition';
import { forwardedApplicationViolations, sameForwardedRequest } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { RepairApplicationWriteResult } from './apply-for-repair.command';
import { listEntryTargetFacts, recordTargetFacts, type TargetFacts } from './apply-for-repair.handler';
import { repairApplicationView } from './repair-application.view';
import { REPAIR_CALENDAR } from './repair.tokens';

export interface ReceivePartnerRepairApplicationCommand {
  /** record | list-entry: what `recordId` names (ADR 0088). */
  targetKind: string;
  /** Our record or list entry the subject applied about. */
  recordId: string;
  subjectId: string;
  commitment: string;
  evidence: string[];
  reference: string;
}

/**
 * A partner province forwards the application a subject filed there about a record or list entry
 * WE decided (谁认定、谁修复, ADR 0084 and 0088; the gateway has checked the agreement with the sender). It is checked as
 * a local application is (DOMAIN.md §5) and queued for our deciding unit, marked with the partner
 * as origin; the partner reads our decision back. Idempotent on the partner's reference: the same
 * request again → the first answer, replayed; another request → 409 REPAIR.REFERENCE_REUSED.
 * Refused, nothing stored: 404 REPAIR.RECORD_NOT_FOUND (no record / list entry of ours with that
 * id), 409 REPAIR.NOT_DECIDED_HERE (one another partner decided: not ours to decide), 422
 * REPAIR.SUBJECT_MISMATCH, and the local eligibility codes; 400 REPAIR.INVALID for a `sha256:`
 * evidence reference whose file the partner has not uploaded first (ADR 0088).
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
    const stored = await findStoredFiles(this.dataSource.manager, evidenceFileHashes(command.evidence));
    const violations = [...forwardedApplicationViolations(command), ...evidenceFileViolations(command.evidence, stored)];
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The application is invalid; nothing was stored.');
    return this.dataSource.transaction((manager) => this.receive(manager, principal, command));
  }

  private async receive(manager: EntityManager, principal: Principal, command: ReceivePartnerRepairApplicationCommand): Promise<RepairApplicationWriteResult> {
    const held = await RepairApplicationsRepository.findByOrigin(manager, principal.region, command.reference);
    if (held) {
      if (!sameForwardedRequest(held, command)) throw referenceReused(command.reference);
      return { application: repairApplicationView(held, chinaDateOf(new Date())), replayed: true };
    }
    const facts = command.targetKind === 'list-entry' ? await this.listEntryFacts(manager, command) : await this.recordFacts(manager, command);
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
      throw DomainError.conflict(RepairApplicationErrorCode.AlreadyApplied, `An application for ${command.recordId} is pending or approved already.`);
    }
    return { application: repairApplicationView((await RepairApplicationsRepository.find(manager, stored.id))!, today), replayed: false };
  }

  private async recordFacts(manager: EntityManager, command: ReceivePartnerRepairApplicationCommand): Promise<TargetFacts> {
    const record = await this.records.find(manager, command.recordId.toLowerCase());
    if (!record) throw DomainError.notFound(RepairApplicationErrorCode.RecordNotFound, `No credit record ${command.recordId} was decided here.`);
    assertDecidedHere({ label: `Record ${record.recordId}`, partner: record.partner, subjectId: record.subjectId }, command.subjectId);
    return recordTargetFacts(manager, { records: this.records, rules: this.rules, checklist: this.checklist }, record, command.evidence);
  }

  /** One of OUR list entries (the partner holds it under our entry id as its source reference, ADR 0088). */
  private async listEntryFacts(manager: EntityManager, command: ReceivePartnerRepairApplicationCommand): Promise<TargetFacts> {
    const entry = await this.records.findListEntry(manager, command.recordId.toLowerCase());
    if (!entry) throw DomainError.notFound(RepairApplicationErrorCode.RecordNotFound, `No list entry ${command.recordId} was decided here.`);
    assertDecidedHere({ label: `List entry ${entry.entryId}`, partner: entry.partner, subjectId: entry.subjectId }, command.subjectId);
    return listEntryTargetFacts(manager, this.rules, entry);
  }
}

/** 409 REPAIR.NOT_DECIDED_HERE for a target another partner decided; 422 REPAIR.SUBJECT_MISMATCH for another subject. */
function assertDecidedHere(target: { label: string; partner: { region: string } | null; subjectId: string }, subjectId: string): void {
  if (target.partner) {
    throw DomainError.conflict(
      RepairApplicationErrorCode.NotDecidedHere,
      `${target.label} was decided by province ${target.partner.region}, not here: its repair is decided there (谁认定、谁修复).`,
    );
  }
  if (target.subjectId !== subjectId) {
    const message = `not the subject of ${target.label.toLowerCase()}`;
    throw new DomainError(RepairApplicationErrorCode.SubjectMismatch, 'precondition', message, [{ field: 'subject.id', message, code: 'MISMATCH' }]);
  }
}

function referenceReused(reference: string): DomainError {
  const message = 'sent before with another application: a new application is a new reference';
  return new DomainError(RepairApplicationErrorCode.ReferenceReused, 'conflict', `Reference ${reference} ${message}.`, [
    { field: 'reference', message, code: 'REUSED' },
  ]);
}
