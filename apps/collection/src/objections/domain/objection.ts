import type { WorkingDayCalendar } from '@domain/calendar';
import type { FieldViolation } from '@platform/errors';
import type { RecordStatus } from '../../records/domain/credit-record';

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionDecision = (typeof OBJECTION_OUTCOMES)[number];
/** What became of the record. */
export type ObjectionOutcome = 'corrected' | 'revoked' | 'rejected';

/** Record statuses an objection may be raised against: the record is in force. */
export const OBJECTABLE_STATUSES: readonly RecordStatus[] = ['active', 'corrected'];

export interface ObjectionRequest {
  reason: string;
  objector: { name: string; contact: string };
}

const MAX_REASON = 2000;
const MAX_NAME = 200;
const MAX_CONTACT = 100;

/** Trims and checks an objection; returns every violation at once. */
export function validateObjectionRequest(raw: { reason?: string; objector?: { name?: string; contact?: string } }): {
  value?: ObjectionRequest;
  violations: FieldViolation[];
} {
  const violations: FieldViolation[] = [];
  const reason = (raw.reason ?? '').trim();
  const name = (raw.objector?.name ?? '').trim();
  const contact = (raw.objector?.contact ?? '').trim();
  if (!reason) violations.push({ field: 'reason', message: 'is required: what is wrong with the record', code: 'REQUIRED' });
  else if (reason.length > MAX_REASON) violations.push({ field: 'reason', message: `at most ${MAX_REASON} characters`, code: 'TOO_LONG' });
  if (!name) violations.push({ field: 'objector.name', message: 'is required: who objects', code: 'REQUIRED' });
  else if (name.length > MAX_NAME) violations.push({ field: 'objector.name', message: `at most ${MAX_NAME} characters`, code: 'TOO_LONG' });
  if (contact.length > MAX_CONTACT) violations.push({ field: 'objector.contact', message: `at most ${MAX_CONTACT} characters`, code: 'TOO_LONG' });
  return violations.length > 0 ? { violations } : { value: { reason, objector: { name, contact } }, violations };
}

/**
 * The last day for the providing unit's answer: `workingDays` working days after the day the
 * objection was opened (that day not counted, 《民法典》第二百零一条).
 */
export function objectionDueOn(openedOn: string, workingDays: number, calendar: WorkingDayCalendar): string {
  return calendar.addWorkingDays(openedOn, workingDays);
}

/** Open past its due date, or resolved after it. */
export function isOverdue(objection: { status: string; dueOn: string; resolvedOn?: string | null }, today: string): boolean {
  if (objection.status === 'open') return today > objection.dueOn;
  return objection.resolvedOn != null && objection.resolvedOn > objection.dueOn;
}

/** Upheld with a correction corrects the record; upheld without one revokes it; rejected leaves it as it was. */
export function outcomeOf(decision: ObjectionDecision, hasCorrection: boolean): ObjectionOutcome {
  if (decision === 'rejected') return 'rejected';
  return hasCorrection ? 'corrected' : 'revoked';
}
