/**
 * The event catalogue: every subject the platform publishes, its stream, its version and its
 * payload type. Subjects are logical (no test prefix); the messaging lib applies the namespace.
 */
import { CreditObjectionOpenedV1, CreditObjectionResolvedV1, CreditRecordCreatedV1, CreditRecordRevokedV1, CreditRecordUpdatedV1 } from './credit-records';
import { CreditRecordExpiredV1, LicenceExpiringV1 } from './credit-record-schedules';
import {
  EvaluationCycleGradeRecordedV1,
  EvaluationGradeAppealDecidedV1,
  EvaluationGradeAppealedV1,
  EvaluationGradeChangedV1,
  EvaluationGradeWithdrawnV1,
  EvaluationPartnerGradeRecognisedV1,
  EvaluationPartnerGradeUnrecognisedV1,
  EvaluationSchemePublishedV1,
} from './evaluation';
import { RegistryDriverChangedV1, RegistryEnterpriseChangedV1, RegistryVehicleChangedV1, RegistryVesselChangedV1 } from './registry';
import { PermitApprovalAnsweredV1, PermitApprovalEscalatedV1, PermitIssuedV1, PermitRevokedV1, PermitViolationDetectedV1 } from './permits';
import {
  RepairListEntryRepairedV1,
  RepairListEntryRepairRevokedV1,
  RepairNoticeIssuedV1,
  RepairReminderDueV1,
  RepairRecordRepairedV1,
  RepairRecordRepairRevokedV1,
} from './repair';
import { ListEntryDroppedV1, ListEntryEffectiveV1, ListEntryProposedV1, ListEntryRemovedV1, MeasuresDecisionMadeV1 } from './measures';

export const STREAM_SUBJECTS = {
  // Collection's stream: the records themselves, the objections about them and the subject registry.
  CREDIT_RECORDS: ['credit.records.>', 'credit.objections.>', 'credit.registry.>'],
  EVALUATION: ['evaluation.>'],
  MEASURES: ['measures.>'],
  REPAIR: ['repair.>'],
  PERMITS: ['permits.>'],
  POSITIONS: ['telemetry.positions.>'],
  /** Monitoring platforms' violation feeds (`telemetry.monitoring.violations.<region>`), consumed by collection. */
  MONITORING: ['telemetry.monitoring.>'],
  DEADLETTER: ['deadletter.>'],
} as const satisfies Record<string, readonly string[]>;
export type StreamName = keyof typeof STREAM_SUBJECTS;

export interface EventDefinition<TData> {
  subject: string;
  stream: StreamName;
  version: number;
  /** Phantom field: carries the payload type for typed publish/consume helpers. */
  readonly _data?: TData;
}

function event<TData>(stream: StreamName, subject: string, version: number): EventDefinition<TData> {
  return { stream, subject, version };
}

export const Events = {
  CreditRecordCreated: event<CreditRecordCreatedV1>('CREDIT_RECORDS', 'credit.records.created', 1),
  CreditRecordRevoked: event<CreditRecordRevokedV1>('CREDIT_RECORDS', 'credit.records.revoked', 1),
  CreditRecordUpdated: event<CreditRecordUpdatedV1>('CREDIT_RECORDS', 'credit.records.updated', 1),
  CreditObjectionOpened: event<CreditObjectionOpenedV1>('CREDIT_RECORDS', 'credit.objections.opened', 1),
  CreditObjectionResolved: event<CreditObjectionResolvedV1>('CREDIT_RECORDS', 'credit.objections.resolved', 1),
  CreditRecordExpired: event<CreditRecordExpiredV1>('CREDIT_RECORDS', 'credit.records.expired', 1),
  LicenceExpiring: event<LicenceExpiringV1>('CREDIT_RECORDS', 'credit.records.licence-expiring', 1),
  RegistryEnterpriseChanged: event<RegistryEnterpriseChangedV1>('CREDIT_RECORDS', 'credit.registry.enterprises.changed', 1),
  RegistryVehicleChanged: event<RegistryVehicleChangedV1>('CREDIT_RECORDS', 'credit.registry.vehicles.changed', 1),
  RegistryDriverChanged: event<RegistryDriverChangedV1>('CREDIT_RECORDS', 'credit.registry.drivers.changed', 1),
  RegistryVesselChanged: event<RegistryVesselChangedV1>('CREDIT_RECORDS', 'credit.registry.vessels.changed', 1),
  EvaluationSchemePublished: event<EvaluationSchemePublishedV1>('EVALUATION', 'evaluation.schemes.published', 1),
  EvaluationGradeChanged: event<EvaluationGradeChangedV1>('EVALUATION', 'evaluation.grade.changed', 1),
  EvaluationCycleGradeRecorded: event<EvaluationCycleGradeRecordedV1>('EVALUATION', 'evaluation.cycle-grades.recorded', 1),
  EvaluationGradeWithdrawn: event<EvaluationGradeWithdrawnV1>('EVALUATION', 'evaluation.grade.withdrawn', 1),
  EvaluationPartnerGradeRecognised: event<EvaluationPartnerGradeRecognisedV1>('EVALUATION', 'evaluation.partner-grades.recognised', 1),
  EvaluationPartnerGradeUnrecognised: event<EvaluationPartnerGradeUnrecognisedV1>('EVALUATION', 'evaluation.partner-grades.unrecognised', 1),
  EvaluationGradeAppealed: event<EvaluationGradeAppealedV1>('EVALUATION', 'evaluation.grade.appealed', 1),
  EvaluationGradeAppealDecided: event<EvaluationGradeAppealDecidedV1>('EVALUATION', 'evaluation.grade.appeal-decided', 1),
  ListEntryProposed: event<ListEntryProposedV1>('MEASURES', 'measures.list-entries.proposed', 1),
  ListEntryEffective: event<ListEntryEffectiveV1>('MEASURES', 'measures.list-entries.effective', 1),
  ListEntryDropped: event<ListEntryDroppedV1>('MEASURES', 'measures.list-entries.dropped', 1),
  ListEntryRemoved: event<ListEntryRemovedV1>('MEASURES', 'measures.list-entries.removed', 1),
  MeasuresDecisionMade: event<MeasuresDecisionMadeV1>('MEASURES', 'measures.decisions.made', 1),
  RepairRecordRepaired: event<RepairRecordRepairedV1>('REPAIR', 'repair.records.repaired', 1),
  RepairNoticeIssued: event<RepairNoticeIssuedV1>('REPAIR', 'repair.notices.issued', 1),
  RepairRecordRepairRevoked: event<RepairRecordRepairRevokedV1>('REPAIR', 'repair.records.repair-revoked', 1),
  RepairListEntryRepaired: event<RepairListEntryRepairedV1>('REPAIR', 'repair.list-entries.repaired', 1),
  RepairListEntryRepairRevoked: event<RepairListEntryRepairRevokedV1>('REPAIR', 'repair.list-entries.repair-revoked', 1),
  RepairReminderDue: event<RepairReminderDueV1>('REPAIR', 'repair.reminders.due', 1),
  PermitIssued: event<PermitIssuedV1>('PERMITS', 'permits.permit.issued', 1),
  PermitRevoked: event<PermitRevokedV1>('PERMITS', 'permits.permit.revoked', 1),
  PermitViolationDetected: event<PermitViolationDetectedV1>('PERMITS', 'permits.violations.detected', 1),
  PermitApprovalAnswered: event<PermitApprovalAnsweredV1>('PERMITS', 'permits.approvals.answered', 1),
  PermitApprovalEscalated: event<PermitApprovalEscalatedV1>('PERMITS', 'permits.approvals.escalated', 1),
} as const;

/**
 * Events published for integrators rather than for the platform's own services: no service
 * consumes them, by design (ADR 0045) — except where noted beside the entry (the repair notice,
 * which disclosure shows the public, ADR 0077). Each has a pull form through the gateway for
 * integrators that cannot hold a JetStream subscription.
 */
export const INTEGRATION_EVENTS: readonly { event: EventDefinition<unknown>; pullForm: string }[] = [
  { event: Events.LicenceExpiring, pullForm: 'GET /api/v1/licences/reminders' },
  // Grade appeals (ADR 0054): the appeal, and the re-grade it caused, read back by id.
  { event: Events.EvaluationGradeAppealed, pullForm: 'GET /api/v1/grade-appeals/{appealId}' },
  { event: Events.EvaluationGradeAppealDecided, pullForm: 'GET /api/v1/grade-appeals/{appealId}' },
  // Repair notices (ADR 0061): when and how a record can be repaired, read back per subject.
  // Disclosure also consumes it, for the public "可修复" entry beside each record (ADR 0077).
  { event: Events.RepairNoticeIssued, pullForm: 'GET /api/v1/subjects/{subjectId}/repair-reminders' },
  // Repair reminders (issue 19 item 6): the minimum period of a record ended, once per record.
  { event: Events.RepairReminderDue, pullForm: 'GET /api/v1/subjects/{subjectId}/repair-reminders' },
  // Parallel approval (issue 18 item 5, ADR 0076): a province's answer and an overdue province's escalation.
  { event: Events.PermitApprovalAnswered, pullForm: 'GET /api/v1/permit-applications/{applicationId}' },
  { event: Events.PermitApprovalEscalated, pullForm: 'GET /api/v1/permit-applications/{applicationId}' },
];
