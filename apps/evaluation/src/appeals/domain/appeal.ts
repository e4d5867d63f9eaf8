import { isWithinRegion, Principal } from '@platform/auth';
import type { FieldViolation } from '@platform/errors';

/** An appeal's life: opened by the subject, then upheld or rejected once by the scheme's owner (ADR 0054). */
export type AppealStatus = 'open' | 'upheld' | 'rejected';
export type AppealOutcome = Exclude<AppealStatus, 'open'>;

export const APPEAL_REASON_MAX = 2000;
export const APPEAL_EVIDENCE_MAX_ITEMS = 20;
export const APPEAL_EVIDENCE_MAX_LENGTH = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cycle label as closes name periods: 2026, 2026-H2, 2026-Q3, 2026-11, 2026-W47. */
const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|\d{2}|W\d{2}))?$/;

/** What is wrong with an appeal's reason, evidence references and period, if any (empty: nothing). */
export function openingViolations(reason: string, evidence: readonly string[], period = ''): FieldViolation[] {
  const problems: FieldViolation[] = [...reasonViolations('reason', reason)];
  if (period !== '' && !PERIOD.test(period)) {
    problems.push({ field: 'period', message: 'must be a closed period of the scheme, e.g. 2026-Q3', code: 'INVALID' });
  }
  if (evidence.length > APPEAL_EVIDENCE_MAX_ITEMS) {
    problems.push({ field: 'evidence', message: `at most ${APPEAL_EVIDENCE_MAX_ITEMS} references`, code: 'TOO_MANY' });
  }
  evidence.forEach((ref, i) => {
    if (ref.trim() === '') problems.push({ field: `evidence[${i}]`, message: 'must not be empty', code: 'REQUIRED' });
    else if (ref.length > APPEAL_EVIDENCE_MAX_LENGTH)
      problems.push({ field: `evidence[${i}]`, message: `at most ${APPEAL_EVIDENCE_MAX_LENGTH} characters`, code: 'TOO_LONG' });
  });
  return problems;
}

export interface DecisionInput {
  outcome: string;
  reason: string;
  disregardedRecordIds: readonly string[];
}

/**
 * What is wrong with a decision's shape (empty: nothing): the outcome is upheld or rejected, a
 * reason is given either way; upheld names at least one record to disregard (the re-grade follows
 * from them, by the scheme's rules), rejected names none (the grade stands).
 */
export function decisionViolations({ outcome, reason, disregardedRecordIds }: DecisionInput): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (outcome !== 'upheld' && outcome !== 'rejected') {
    problems.push({ field: 'outcome', message: 'must be "upheld" or "rejected"', code: 'INVALID' });
  }
  problems.push(...reasonViolations('reason', reason));
  if (outcome === 'upheld' && disregardedRecordIds.length === 0) {
    problems.push({ field: 'disregardedRecordIds', message: 'an upheld appeal names the records that shall not count', code: 'REQUIRED' });
  }
  if (outcome === 'rejected' && disregardedRecordIds.length > 0) {
    problems.push({ field: 'disregardedRecordIds', message: 'a rejected appeal disregards no record', code: 'NOT_ALLOWED' });
  }
  disregardedRecordIds.forEach((id, i) => {
    if (!UUID.test(id)) problems.push({ field: `disregardedRecordIds[${i}]`, message: 'must be a record id (UUID)', code: 'INVALID' });
  });
  if (new Set(disregardedRecordIds).size !== disregardedRecordIds.length) {
    problems.push({ field: 'disregardedRecordIds', message: 'names a record twice', code: 'DUPLICATE' });
  }
  return problems;
}

/** Whether `id` looks like an appeal id at all (a malformed one is simply not found). */
export function isAppealId(id: string): boolean {
  return UUID.test(id);
}

/** The record ids of `named` that are not among the records the contested result could count. */
export function uncountedRecords(named: readonly string[], counted: ReadonlySet<string>): string[] {
  return named.filter((id) => !counted.has(id.toLowerCase()));
}

/** When the owner's decision is due: `days` calendar days after the appeal was opened (placeholder period, ADR 0054). */
export function decisionDueBy(openedAt: Date, days: number): Date {
  return new Date(openedAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The scheme's owner: a client whose region covers every region the scheme grades (the region rule, ADR 0041). */
export function ownsScheme(principal: Principal, schemeRegions: readonly string[]): boolean {
  return schemeRegions.length > 0 && schemeRegions.every((region) => isWithinRegion(principal, region));
}
function reasonViolations(field: string, reason: string): FieldViolation[] {
  if (reason.trim() === '') return [{ field, message: 'must not be empty', code: 'REQUIRED' }];
  if (reason.length > APPEAL_REASON_MAX) return [{ field, message: `at most ${APPEAL_REASON_MAX} characters`, code: 'TOO_LONG' }];
  return [];
}
