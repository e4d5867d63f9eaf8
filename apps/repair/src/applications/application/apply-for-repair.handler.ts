import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { findStoredFiles } from '@platform/files';
import { evidenceFileHashes, evidenceFileViolations } from '../../evidence/domain/evidence-files';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { RepairRecordReader } from '../../records/application/repair-record-reader';
import type { RepairListEntry } from '../../records/domain/repair-list-entry';
import type { RepairRecord } from '../../records/domain/repair-record';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import { repairModeFor, type RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import type { RepairConfig } from '../../repair.definition';
import { checkFinePayment } from '../domain/fine-payment';
import { applicationViolations, ineligibility, initialStatus, listEntryIneligibility, partnerDeciding, reapplyBar } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { NewRepairApplication, RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { ApplyForRepairCommand, RepairApplicationWriteResult } from './apply-for-repair.command';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';
import { REPAIR_CALENDAR } from './repair.tokens';

/**
 * A subject applies, through an integrator (scope records:write), for the repair of one record or
 * one list entry (key-watch, severe-dishonesty, bad-driver: the unit that listed it decides)
 * with a public credit commitment and evidence references (DOMAIN.md §5). Eligibility is checked
 * at once against repair's copy of the record: 404 REPAIR.RECORD_NOT_FOUND; 409
 * REPAIR.ALREADY_REPAIRED / RECORD_NOT_IN_FORCE / ALREADY_APPLIED; 422 REPAIR.NOT_REPAIRABLE,
 * MINIMUM_PERIOD_NOT_OVER (naming the date it will be over) or EVIDENCE_REQUIRED (closed-loop
 * mode) or REAPPLY_BARRED (a repair of the subject was revoked; names the date the bar ends). Any client may file (no trip to another city); the record's authority region decides.
 * The decision is due a configured number of working days after the application. A penalty's fine
 * is checked against the payment data received (`fine-payment`): no receipt needed when it matches;
 * otherwise the application says what is missing (it is filed all the same, for the unit to decide).
 * A record a partner province decided and pushed (ADR 0069) is that province's to repair: the
 * application, checked the same way here, is `forwarded` to it (never queued for a unit of ours;
 * `forwardedTo` names the province) and the partner's answer comes back (ADR 0084); so is one about
 * a list entry a partner decided (joint measures' import of it, ADR 0088).
 */
@Injectable()
export class ApplyForRepairHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RepairRecordReader,
    @Inject(REPAIR_RULES) private readonly rules: RepairRules,
    @Inject(REPAIR_CHECKLIST) private readonly checklist: RepairChecklist,
    @Inject(REPAIR_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<RepairConfig, 'REPAIR_DECISION_WORKING_DAYS'>,
  ) {}

  async execute(principal: Principal, command: ApplyForRepairCommand): Promise<RepairApplicationWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const stored = await findStoredFiles(this.dataSource.manager, evidenceFileHashes(command.evidence));
    const violations = [...applicationViolations(command), ...evidenceFileViolations(command.evidence, stored)];
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The application is invalid; nothing was stored.');
    const { recordId, commitment, evidence } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'repair.apply', request: { recordId, commitment, evidence } },
        () => this.apply(manager, principal, command),
      ),
    );
    return { application: answer, replayed };
  }

  private async apply(manager: EntityManager, principal: Principal, command: ApplyForRepairCommand): Promise<RepairApplicationView> {
    const targetId = command.recordId.toLowerCase();
    const record = await this.records.find(manager, targetId);
    const application = record ? await this.recordApplication(manager, record, command) : await this.listEntryApplication(manager, targetId);
    const today = chinaDateOf(application.appliedAt);
    const stored = {
      ...application,
      id: randomUUID(),
      commitment: command.commitment,
      evidence: command.evidence,
      appliedBy: principal.clientId,
      decisionDueOn: this.calendar.deadline(today, this.config.REPAIR_DECISION_WORKING_DAYS).date,
      status: initialStatus(application.forwardedTo),
      originPartner: null,
      originReference: null,
    };
    if (!(await RepairApplicationsRepository.insert(manager, stored))) {
      throw DomainError.conflict(RepairApplicationErrorCode.AlreadyApplied, `An application for ${targetId} is pending, forwarded or approved already.`);
    }
    return repairApplicationView((await RepairApplicationsRepository.find(manager, stored.id))!, today);
  }

  /** A record's application, or the refusal naming the unmet condition. */
  private recordApplication(manager: EntityManager, record: RepairRecord, command: ApplyForRepairCommand): Promise<TargetFacts> {
    return recordTargetFacts(manager, { records: this.records, rules: this.rules, checklist: this.checklist }, record, command.evidence);
  }

  /** A list entry's application (issue 19 item 2), or 404 when neither a record nor an entry has that id. */
  private async listEntryApplication(manager: EntityManager, entryId: string): Promise<TargetFacts> {
    const entry = await this.records.findListEntry(manager, entryId);
    if (!entry) throw DomainError.notFound(RepairApplicationErrorCode.RecordNotFound, `No credit record or list entry ${entryId} is known to repair.`);
    return listEntryTargetFacts(manager, this.rules, entry);
  }
}

/**
 * What an application for a record carries, or the refusal naming the unmet condition (reapply
 * bar, then DOMAIN.md §5 eligibility). Shared by applications filed here and those a partner
 * province forwards to us: the checks are the same wherever the subject applied.
 */
export async function recordTargetFacts(
  manager: EntityManager,
  deps: { records: RepairRecordReader; rules: RepairRules; checklist: RepairChecklist },
  record: RepairRecord,
  evidence: readonly string[],
): Promise<TargetFacts> {
  const appliedAt = new Date();
  const { mode } = repairModeFor(deps.checklist, record.payload['violationType']);
  const barredUntil = await RepairApplicationsRepository.reapplyBarredUntil(manager, record.subjectId);
  const refusal = reapplyBar(barredUntil, chinaDateOf(appliedAt)) ?? ineligibility(deps.rules, record, mode, evidence, chinaDateOf(appliedAt));
  if (refusal) throw new DomainError(refusal.code, refusal.status, refusal.message, [refusal.violation]);
  return {
    targetKind: 'record',
    recordId: record.recordId,
    listEntryId: null,
    recordType: record.recordType,
    subjectKind: record.subjectKind,
    subjectId: record.subjectId,
    decidingRegion: record.region,
    severity: record.severity,
    decisionDate: record.decisionDate,
    mode,
    appliedAt,
    finePayment: checkFinePayment(record, await deps.records.finePayments(manager, record), evidence),
    forwardedTo: partnerDeciding(record),
  };
}

/**
 * What an application for a list entry carries (issue 19 item 2: the unit that listed it decides;
 * commitment mode — the seeds' checklist classifies penalties, not list entries: placeholder), or
 * the refusal (reapply bar, then not in force / not repairable). An entry a partner province
 * decided is forwarded there (ADR 0088). Shared by applications filed here and forwarded to us.
 */
export async function listEntryTargetFacts(manager: EntityManager, rules: RepairRules, entry: RepairListEntry): Promise<TargetFacts> {
  const appliedAt = new Date();
  const barredUntil = await RepairApplicationsRepository.reapplyBarredUntil(manager, entry.subjectId);
  const refusal = reapplyBar(barredUntil, chinaDateOf(appliedAt)) ?? listEntryIneligibility(rules, entry);
  if (refusal) throw new DomainError(refusal.code, refusal.status, refusal.message, [refusal.violation]);
  return {
    targetKind: 'list-entry',
    recordId: null,
    listEntryId: entry.entryId,
    recordType: entry.listType,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    decidingRegion: entry.region,
    severity: null,
    decisionDate: entry.startsOn,
    mode: 'repair-commitment',
    appliedAt,
    finePayment: null,
    forwardedTo: partnerDeciding(entry),
  };
}

export type TargetFacts = Omit<
  NewRepairApplication,
  'id' | 'commitment' | 'evidence' | 'appliedBy' | 'decisionDueOn' | 'status' | 'originPartner' | 'originReference'
>;
