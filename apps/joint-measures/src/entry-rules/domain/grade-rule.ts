import { meetsThreshold, type GradeRule } from './entry-rule';

/**
 * One closed evaluation cycle's result for a subject. This is joint measures' own view of
 * `evaluation.grade.changed` (not published yet): the consumer maps the event into it, tests feed
 * it directly.
 */
export interface CycleGrade {
  schemeId: string;
  /** Sortable cycle label, e.g. `2026` or `2026-Q3`. */
  cycle: string;
  grade: string;
  pointsDeducted: number;
}

export interface GradeRuleOutcome {
  met: boolean;
  basis: CycleGrade[];
}

/**
 * Nanyang's bad-driver triggers (DOMAIN.md §3): the last N cycles all at a grade, or a cycle with
 * the deducted points over a threshold. Only the rule's schemes count; cycles are compared per scheme.
 */
export function evaluateGradeRule(rule: GradeRule, history: readonly CycleGrade[]): GradeRuleOutcome {
  const relevant = history.filter((g) => rule.schemeIds.includes(g.schemeId)).sort((a, b) => a.cycle.localeCompare(b.cycle));
  const trigger = rule.trigger;
  if ('consecutiveCycles' in trigger) {
    for (const schemeId of rule.schemeIds) {
      const latest = relevant.filter((g) => g.schemeId === schemeId).slice(-trigger.consecutiveCycles);
      if (latest.length === trigger.consecutiveCycles && latest.every((g) => g.grade === trigger.grade)) return { met: true, basis: latest };
    }
    return { met: false, basis: [] };
  }
  const cycles = relevant.filter((g) => meetsThreshold(g.pointsDeducted, trigger.pointsDeductedInCycle));
  return cycles.length > 0 ? { met: true, basis: cycles.slice(-1) } : { met: false, basis: [] };
}
