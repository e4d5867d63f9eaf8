import type { Deficiency } from './application-errors';

/**
 * The accepting authority's decision (准予许可 / 不予许可) on an accepted application. A cross-province
 * application is issued only when every other province on the route has approved (DOMAIN.md §7:
 * national parallel permit); a refusal always says why.
 */
export type DecisionOutcome = 'issue' | 'refuse';

export interface DecisionFacts {
  status: 'accepted' | 'deficient' | 'not-accepted' | 'refused';
  decided: boolean;
  approvals: { state: 'origin' | 'pending' | 'approved' | 'refused' }[];
}

export function decisionViolations(outcome: string, reason: string | undefined): Deficiency[] {
  const out: Deficiency[] = [];
  if (outcome !== 'issue' && outcome !== 'refuse') out.push({ field: 'outcome', reason: 'issue or refuse' });
  if (outcome === 'refuse' && !reason?.trim()) out.push({ field: 'reason', reason: 'a refusal says why' });
  return out;
}

/** Why the application cannot be decided now, or undefined. */
export function notDecidable(facts: DecisionFacts, outcome: DecisionOutcome): 'not-accepted' | 'already-decided' | 'approvals-pending' | undefined {
  if (facts.decided) return 'already-decided';
  if (facts.status !== 'accepted') return 'not-accepted';
  if (outcome === 'issue' && facts.approvals.some((a) => a.state !== 'origin' && a.state !== 'approved')) return 'approvals-pending';
  return undefined;
}

/** Permit number: the origin province's code, the year and a six-digit serial, e.g. 410000-2026-000042. */
export function permitNumber(originProvince: string, year: string, serial: number): string {
  return `${originProvince}-${year}-${String(serial).padStart(6, '0')}`;
}
