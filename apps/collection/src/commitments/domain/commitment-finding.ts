import { SEVERITIES, Severity } from '@domain/credit';
import type { FieldViolation } from '@platform/errors';

/**
 * A broken commitment the scheduler detected (issue 16). It is the platform's suspicion, not a
 * decision: only the unit that accepted the commitment may decide that it was broken (DOMAIN.md §5:
 * 谁认定、谁修复 — whoever decides is answerable for it), with its own decision document, which the
 * published record carries (DOMAIN.md §2). `pending` until that unit confirms or dismisses it.
 */
export const FINDING_STATUSES = ['pending', 'confirmed', 'dismissed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface FindingConfirmation {
  documentNumber: string;
  decisionDate: string;
  /** null: the configured default. */
  severity: Severity | null;
}

const MAX_DOCUMENT_NUMBER = 200;
const MAX_REASON = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a confirmation: the unit's document number and decision date are required (the date is
 * not after today, nor before the commitment's due date has passed: a commitment cannot be found
 * broken while it could still be fulfilled). Every violation at once.
 */
export function validateConfirmation(
  raw: { documentNumber?: string; decisionDate?: string; severity?: string },
  context: { today: string; dueOn: string },
): { value?: FindingConfirmation; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const documentNumber = (raw.documentNumber ?? '').trim();
  const decisionDate = (raw.decisionDate ?? '').trim();
  const severity = (raw.severity ?? '').trim().toLowerCase();
  if (!documentNumber) violations.push({ field: 'documentNumber', message: "is required: the unit's decision document (认定文书) number", code: 'REQUIRED' });
  else if (documentNumber.length > MAX_DOCUMENT_NUMBER)
    violations.push({ field: 'documentNumber', message: `at most ${MAX_DOCUMENT_NUMBER} characters`, code: 'TOO_LONG' });
  if (!decisionDate) violations.push({ field: 'decisionDate', message: 'is required', code: 'REQUIRED' });
  else if (!isCalendarDate(decisionDate)) violations.push({ field: 'decisionDate', message: 'must be a date (YYYY-MM-DD)', code: 'INVALID_DATE' });
  else if (decisionDate > context.today) violations.push({ field: 'decisionDate', message: `must not be after today (${context.today})`, code: 'FUTURE_DATE' });
  else if (decisionDate <= context.dueOn)
    violations.push({ field: 'decisionDate', message: `must be after the commitment's last day (${context.dueOn})`, code: 'BEFORE_DUE' });
  if (severity && !(SEVERITIES as readonly string[]).includes(severity))
    violations.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}`, code: 'INVALID_SEVERITY' });
  if (violations.length > 0) return { violations };
  return { value: { documentNumber, decisionDate, severity: severity ? (severity as Severity) : null }, violations };
}

/** A real YYYY-MM-DD day (not 2026-02-30). */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}

/** Checks a dismissal: why the unit finds the commitment was not broken. */
export function validateDismissal(raw: { reason?: string }): { value?: { reason: string }; violations: FieldViolation[] } {
  const reason = (raw.reason ?? '').trim();
  if (!reason) return { violations: [{ field: 'reason', message: 'is required: why the commitment was not broken', code: 'REQUIRED' }] };
  if (reason.length > MAX_REASON) return { violations: [{ field: 'reason', message: `at most ${MAX_REASON} characters`, code: 'TOO_LONG' }] };
  return { value: { reason }, violations: [] };
}

/**
 * Whether a confirmation repeats the one already given (a retry): then it answers the same and
 * changes nothing. A different decision on a decided finding is a conflict.
 */
export function repeatsConfirmation(finding: { status: FindingStatus; decisionDocumentNumber: string | null }, confirmation: FindingConfirmation): boolean {
  return finding.status === 'confirmed' && finding.decisionDocumentNumber === confirmation.documentNumber;
}
