import { addDays, addMonths } from '@domain/calendar';
import type { FieldViolation } from '@platform/errors';
import { recordTypeRepairability, earliestRepairDate, publicationEndsOn, type RepairRules } from '../../rules/domain/repair-rules';
import type { RepairMode } from '../../rules/domain/repair-checklist';
import { isInForce, type RepairRecord } from '../../records/domain/repair-record';
import type { RepairListEntry } from '../../records/domain/repair-list-entry';
import { RepairApplicationErrorCode } from './repair-application-errors';

/**
 * An application's life: pending, then approved or rejected once by the deciding authority; an
 * approved repair obtained with a false commitment may later be revoked (issue 19 item 8). An
 * application about a record a partner province decided is `forwarded` there instead of pending
 * here, and becomes approved or rejected when the partner's answer comes back (ADR 0084).
 */
export type RepairApplicationStatus = 'pending' | 'forwarded' | 'approved' | 'rejected' | 'revoked';
export type RepairOutcome = 'approved' | 'rejected';
/** What an application repairs: a credit record, or a list entry (key-watch, severe-dishonesty, bad-driver). */
export type RepairTargetKind = 'record' | 'list-entry';

export const COMMITMENT_MAX = 4000;
export const EVIDENCE_MAX_ITEMS = 20;
export const EVIDENCE_MAX_LENGTH = 500;
export const REASON_MAX = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * Where the repair of a record or list entry is decided (谁认定、谁修复): the partner province that
 * decided it (a pushed record, ADR 0084; an imported list entry, ADR 0088), or null when a unit of
 * ours decided it.
 */
export function partnerDeciding(target: { partner: { region: string } | null }): string | null {
  return target.partner?.region ?? null;
}

/** An application starts in our deciding unit's queue, or travels to the partner that decides it. */
export function initialStatus(forwardedTo: string | null): Extract<RepairApplicationStatus, 'pending' | 'forwarded'> {
  return forwardedTo === null ? 'pending' : 'forwarded';
}

/**
 * Refusal of a local decision or revocation on an application routed to a partner province: that
 * province's unit decides it, its answer comes back through the exchange. Null: ours to decide.
 */
export function routedRefusal(application: { id: string; forwardedTo: string | null }): Ineligibility | null {
  if (application.forwardedTo === null) return null;
  const message = `Application ${application.id} belongs to another region's authority: it was routed to province ${application.forwardedTo}, which decided the record (谁认定、谁修复), and is not decided locally.`;
  return { code: RepairApplicationErrorCode.RoutedToPartner, status: 'conflict', message, violation: { field: 'applicationId', message, code: 'ROUTED' } };
}

/** What is wrong with an application's shape (empty: nothing). */
export function applicationViolations(input: { recordId: string; commitment: string; evidence: readonly string[] }): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (!isUuid(input.recordId)) problems.push({ field: 'target', message: 'must be a record or list entry id (UUID)', code: 'INVALID' });
  problems.push(...textViolations('commitment', input.commitment, COMMITMENT_MAX));
  if (input.evidence.length > EVIDENCE_MAX_ITEMS) problems.push({ field: 'evidence', message: `at most ${EVIDENCE_MAX_ITEMS} references`, code: 'TOO_MANY' });
  input.evidence.forEach((ref, i) => problems.push(...textViolations(`evidence[${i}]`, ref, EVIDENCE_MAX_LENGTH)));
  return problems;
}

export const REFERENCE_MAX = 200;

/** The target kinds a partner may forward an application about (absent: `record`, as before ADR 0088). */
export const TARGET_KINDS: readonly RepairTargetKind[] = ['record', 'list-entry'];

/** What is wrong with a partner-forwarded application's shape (empty: nothing): also its target kind, reference and subject. */
export function forwardedApplicationViolations(input: {
  targetKind: string;
  recordId: string;
  subjectId: string;
  commitment: string;
  evidence: readonly string[];
  reference: string;
}): FieldViolation[] {
  const kind: FieldViolation[] = (TARGET_KINDS as readonly string[]).includes(input.targetKind)
    ? []
    : [{ field: 'targetKind', message: 'must be "record" or "list-entry"', code: 'INVALID' }];
  return [
    ...kind,
    ...applicationViolations(input),
    ...textViolations('subject.id', input.subjectId, 64),
    ...textViolations('reference', input.reference, REFERENCE_MAX),
  ];
}

/** Whether a forwarded application with the partner's reference held already is the same request (replay) or another (refused). */
export function sameForwardedRequest(
  held: { targetKind: RepairTargetKind; recordId: string | null; listEntryId: string | null; commitment: string; evidence: readonly string[] },
  sent: { targetKind: string; recordId: string; commitment: string; evidence: readonly string[] },
): boolean {
  const heldTarget = held.targetKind === 'list-entry' ? held.listEntryId : held.recordId;
  return (
    held.targetKind === sent.targetKind &&
    heldTarget === sent.recordId.toLowerCase() &&
    held.commitment === sent.commitment &&
    held.evidence.length === sent.evidence.length &&
    held.evidence.every((e, i) => e === sent.evidence[i])
  );
}

/** What is wrong with a decision's shape (empty: nothing): approved or rejected, with a reason either way. */
export function decisionViolations(input: { outcome: string; reason: string }): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (input.outcome !== 'approved' && input.outcome !== 'rejected') {
    problems.push({ field: 'outcome', message: 'must be "approved" or "rejected"', code: 'INVALID' });
  }
  return [...problems, ...textViolations('reason', input.reason, REASON_MAX)];
}

/** What is wrong with a revocation's shape (empty: nothing): the reason is required. */
export function revocationViolations(input: { reason: string }): FieldViolation[] {
  return textViolations('reason', input.reason, REASON_MAX);
}

/**
 * The last day a subject whose repair was revoked may not apply again: `barMonths` from the
 * revocation date (REPAIR_REVOCATION_BAR_MONTHS, a placeholder: the seeds give no period).
 */
export function reapplyBarredUntil(revokedOn: string, barMonths: number): string {
  return addMonths(revokedOn, barMonths);
}

/**
 * Until when an approval a partner province gave is watched for its revocation there (ADR 0088):
 * `watchDays` after it came back; null when the watch is off (0 days).
 */
export function revocationWatchUntil(approvedAt: Date, watchDays: number): Date | null {
  return watchDays > 0 ? new Date(approvedAt.getTime() + watchDays * 86_400_000) : null;
}

/** Refusal of a new application while the subject is barred after a revocation; null: not barred. */
export function reapplyBar(barredUntil: string | null, today: string): Ineligibility | null {
  if (barredUntil === null || today > barredUntil) return null;
  const eligibleFrom = addDays(barredUntil, 1);
  const message = `a repair of this subject was revoked (false commitment): it may not apply again before ${eligibleFrom}`;
  return {
    ...precondition(RepairApplicationErrorCode.ReapplyBarred, message, { field: 'target', message, code: 'REAPPLY_BARRED' }),
    eligibleFrom,
  };
}

/** Why a record cannot be repaired now; `status` says how the transport answers. */
export interface Ineligibility {
  code: string;
  status: 'conflict' | 'precondition';
  message: string;
  violation: FieldViolation;
  /** The first day the unmet condition will be met, when there is one. */
  eligibleFrom?: string;
}

/**
 * Whether a record may be repaired today (DOMAIN.md §5): in force (not revoked, expired or
 * repaired), of a repairable type, its minimum publicity period over, and in closed-loop mode
 * with rectification evidence. Null: eligible.
 */
export function ineligibility(rules: RepairRules, record: RepairRecord, mode: RepairMode, evidence: readonly string[], today: string): Ineligibility | null {
  if (record.status === 'repaired') {
    return conflict(RepairApplicationErrorCode.AlreadyRepaired, `Record ${record.recordId} was repaired already.`, 'ALREADY_REPAIRED');
  }
  if (!isInForce(record)) {
    return conflict(RepairApplicationErrorCode.RecordNotInForce, `Record ${record.recordId} is ${record.status}: nothing to repair.`, 'NOT_IN_FORCE');
  }
  const repairability = recordTypeRepairability(rules, record.recordType);
  if (!repairability.repairable) {
    return precondition(RepairApplicationErrorCode.NotRepairable, repairability.reason, {
      field: 'target',
      message: repairability.reason,
      code: 'NOT_REPAIRABLE',
    });
  }
  if (today > (record.publicityEndsOn ?? publicationEndsOn(rules, record.severity, record.decisionDate))) {
    return conflict(
      RepairApplicationErrorCode.RecordNotInForce,
      `Record ${record.recordId} is no longer published: its publication ended by itself.`,
      'NOT_IN_FORCE',
    );
  }
  const eligibleFrom = earliestRepairDate(rules, record.severity, record.decisionDate);
  if (today < eligibleFrom) {
    const months = rules.periods[record.severity].minMonths;
    const message = `the minimum publicity period (${months} months from the decision date ${record.decisionDate}, ${rules.basis}) is not over: a repair may be applied for from ${eligibleFrom}`;
    return {
      ...precondition(RepairApplicationErrorCode.MinimumPeriodNotOver, message, { field: 'target', message, code: 'MINIMUM_PERIOD_NOT_OVER' }),
      eligibleFrom,
    };
  }
  if (mode === 'closed-loop' && evidence.length === 0) {
    const message = 'closed-loop mode (the violation continues until corrected): attach the rectification evidence';
    return precondition(RepairApplicationErrorCode.EvidenceRequired, message, { field: 'evidence', message, code: 'REQUIRED' });
  }
  return null;
}

/**
 * Whether a list entry may be repaired (removed early, DOMAIN.md §5 "measures are lifted"): in
 * force (`effective`) and of a list type the rules name repairable. DOMAIN.md and the seeds give
 * no minimum period for list entries: none is applied (placeholder). Null: eligible.
 */
export function listEntryIneligibility(rules: RepairRules, entry: RepairListEntry): Ineligibility | null {
  if (entry.status !== 'effective') {
    return conflict(RepairApplicationErrorCode.RecordNotInForce, `List entry ${entry.entryId} is ${entry.status}: nothing to repair.`, 'NOT_IN_FORCE');
  }
  if (!(rules.repairableListTypes as readonly string[]).includes(entry.listType)) {
    const message = `${entry.listType} entries are not repairable under ${rules.basis}`;
    return precondition(RepairApplicationErrorCode.NotRepairable, message, { field: 'target', message, code: 'NOT_REPAIRABLE' });
  }
  return null;
}

function conflict(code: string, message: string, violationCode: string): Ineligibility {
  return { code, status: 'conflict', message, violation: { field: 'target', message, code: violationCode } };
}

function precondition(code: string, message: string, violation: FieldViolation): Ineligibility {
  return { code, status: 'precondition', message, violation };
}

function textViolations(field: string, value: string, max: number): FieldViolation[] {
  if (value.trim() === '') return [{ field, message: 'must not be empty', code: 'REQUIRED' }];
  if (value.length > max) return [{ field, message: `at most ${max} characters`, code: 'TOO_LONG' }];
  return [];
}
