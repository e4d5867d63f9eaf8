import type { EntityManager } from 'typeorm';
import type { EvaluationResult } from '../../engine/domain/evaluate';
import { GradeAppealsRepository } from '../infrastructure/grade-appeals.repository';
import { gradeAppealView, GradeAppealView } from './grade-appeal.view';

/**
 * What standings read of appeals (ADR 0054), through this feature's application layer: the records
 * upheld appeals disregard, and the latest appeal per scheme to mark a grade under appeal.
 */
export const AppealFacts = {
  /** Subject id → scheme id → record ids disregarded by appeals upheld by `at`. */
  disregardedRecords(manager: EntityManager, subjectIds: readonly string[], at: Date): Promise<Map<string, Map<string, Set<string>>>> {
    return GradeAppealsRepository.disregardedRecords(manager, subjectIds, at);
  },

  /** Scheme id → the subject's latest appeal under it. */
  async latestBySchemeOf(manager: EntityManager, subjectId: string): Promise<Map<string, GradeAppealView>> {
    const rows = await GradeAppealsRepository.latestBySchemeOf(manager, subjectId);
    return new Map([...rows].map(([schemeId, row]) => [schemeId, gradeAppealView(row)]));
  },
};

/**
 * The records a scheme grades once upheld appeals' disregards (`left`: record ids) are taken out,
 * and the result explained: which records an appeal took out, so the re-grade stays explainable.
 */
export function gradeWithoutDisregarded<R extends { id: string }>(
  records: readonly R[],
  left: ReadonlySet<string> | undefined,
  grade: (counted: readonly R[]) => EvaluationResult,
): EvaluationResult {
  if (!left || left.size === 0) return grade(records);
  const taken = records.filter((r) => left.has(r.id)).map((r) => r.id);
  const result = grade(records.filter((r) => !left.has(r.id)));
  if (taken.length === 0) return result;
  return {
    ...result,
    explanation: {
      ...result.explanation,
      warnings: [...result.explanation.warnings, `依评价申诉复核决定，以下记录不计入本方案评价（ADR 0054）：${taken.join('、')}`],
    },
  };
}
