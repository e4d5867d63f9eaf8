import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { RepairRecordReader } from '../../records/application/repair-record-reader';
import { REPAIR_CHECKLIST, REPAIR_RULES } from '../../rules/application/rules.tokens';
import { repairModeFor, type RepairChecklist } from '../../rules/domain/repair-checklist';
import type { RepairRules } from '../../rules/domain/repair-rules';
import type { RepairConfig } from '../../repair.definition';
import { applicationViolations, ineligibility, reapplyBar } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import type { ApplyForRepairCommand, RepairApplicationWriteResult } from './apply-for-repair.command';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';
import { REPAIR_CALENDAR } from './repair.tokens';

/**
 * A subject applies, through an integrator (scope records:write), for the repair of one record
 * with a public credit commitment and evidence references (DOMAIN.md §5). Eligibility is checked
 * at once against repair's copy of the record: 404 REPAIR.RECORD_NOT_FOUND; 409
 * REPAIR.ALREADY_REPAIRED / RECORD_NOT_IN_FORCE / ALREADY_APPLIED; 422 REPAIR.NOT_REPAIRABLE,
 * MINIMUM_PERIOD_NOT_OVER (naming the date it will be over) or EVIDENCE_REQUIRED (closed-loop
 * mode) or REAPPLY_BARRED (a repair of the subject was revoked; names the date the bar ends). Any client may file (no trip to another city); the record's authority region decides.
 * The decision is due a configured number of working days after the application.
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
    const violations = applicationViolations(command);
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
    const record = await this.records.find(manager, command.recordId.toLowerCase());
    if (!record) throw DomainError.notFound(RepairApplicationErrorCode.RecordNotFound, `No credit record ${command.recordId} is known to repair.`);
    const today = chinaDateOf(new Date());
    const { mode } = repairModeFor(this.checklist, record.payload['violationType']);
    const barredUntil = await RepairApplicationsRepository.reapplyBarredUntil(manager, record.subjectId);
    const refusal = reapplyBar(barredUntil, today) ?? ineligibility(this.rules, record, mode, command.evidence, today);
    if (refusal) throw new DomainError(refusal.code, refusal.status, refusal.message, [refusal.violation]);

    const appliedAt = new Date();
    const application = {
      id: randomUUID(),
      recordId: record.recordId,
      recordType: record.recordType,
      subjectKind: record.subjectKind,
      subjectId: record.subjectId,
      decidingRegion: record.region,
      severity: record.severity,
      decisionDate: record.decisionDate,
      mode,
      commitment: command.commitment,
      evidence: command.evidence,
      appliedBy: principal.clientId,
      appliedAt,
      decisionDueOn: this.calendar.deadline(today, this.config.REPAIR_DECISION_WORKING_DAYS).date,
    };
    if (!(await RepairApplicationsRepository.insertPending(manager, application))) {
      throw DomainError.conflict(RepairApplicationErrorCode.AlreadyApplied, `An application for record ${record.recordId} is pending or approved already.`);
    }
    return repairApplicationView((await RepairApplicationsRepository.find(manager, application.id))!, today);
  }
}
