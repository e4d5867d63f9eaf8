import type { EvaluationResult } from './evaluate';

/**
 * Points deducted within the result's cycle, read from its explanation: the deductions of
 * records decided inside the cycle (a rule with a validity of N months may also count older
 * records; those were deducted in their own cycle). Ceiling, floor and bonus-ceiling items are
 * not deductions. Nanyang's bad-driver rule reads this ("20 points deducted in one cycle").
 */
export function pointsDeductedInCycle(result: EvaluationResult): number {
  const { start, end } = result.cycle;
  const deducted = result.explanation.items
    .filter(
      (item) => item.recordId !== undefined && item.points < 0 && item.decisionDate !== undefined && item.decisionDate >= start && item.decisionDate <= end,
    )
    .reduce((sum, item) => sum - item.points, 0);
  return Math.round(deducted * 1000) / 1000;
}
