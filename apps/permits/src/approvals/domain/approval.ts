import type { Deficiency } from '../../applications/domain/application-errors';

/**
 * Cross-province parallel approval (并联审批, DOMAIN.md §7: national parallel permit; issue 18 item 5).
 * The accepting province holds the `origin` row; every other province on the route answers once,
 * approve or refuse with a reason. Any refusal refuses the application with that province's reason;
 * the accepting authority issues only when every province has approved.
 */
export type ApprovalDecision = 'approve' | 'refuse';
export type ApprovalState = 'origin' | 'pending' | 'approved' | 'refused';

export const REASON_MAX_LENGTH = 500;

export function answerViolations(decision: string, reason: string | undefined): Deficiency[] {
  const out: Deficiency[] = [];
  if (decision !== 'approve' && decision !== 'refuse') out.push({ field: 'decision', reason: 'approve or refuse' });
  if (decision === 'refuse' && !reason?.trim()) out.push({ field: 'reason', reason: 'a refusal says why' });
  if ((reason?.length ?? 0) > REASON_MAX_LENGTH) out.push({ field: 'reason', reason: `at most ${REASON_MAX_LENGTH} characters` });
  return out;
}

export interface AnswerFacts {
  status: 'accepted' | 'deficient' | 'not-accepted' | 'refused';
  decided: boolean;
  approvals: readonly { province: string; state: ApprovalState }[];
}

/** Why `province` cannot answer now, or undefined. Route membership first: a stranger learns nothing else. */
export function answerBlocked(facts: AnswerFacts, province: string): 'not-on-route' | 'already-answered' | 'not-pending' | undefined {
  const own = facts.approvals.find((a) => a.province === province);
  if (!own || own.state === 'origin') return 'not-on-route';
  if (own.state !== 'pending') return 'already-answered';
  if (facts.decided || facts.status !== 'accepted') return 'not-pending';
  return undefined;
}

/** The application's refusal reason when a province refuses: the province named with its own words. */
export function refusalReason(province: string, reason: string): string {
  return `${province}: ${reason.trim()}`;
}

/**
 * What reads answer as overdue: a province still pending that the escalation job found past its
 * deadline. One clock (the job's) decides, so a read never disagrees with the escalation it shows.
 */
export function isEscalatedOverdue(state: ApprovalState, escalatedAt: Date | string | null): boolean {
  return state === 'pending' && escalatedAt !== null;
}
