import type { EvaluationResult } from './evaluate';

export interface SubjectOutcome {
  subjectId: string;
  /** Under the active version; undefined when the active version does not grade the subject. */
  before?: EvaluationResult;
  /** Under the draft; undefined when the draft does not grade the subject. */
  after?: EvaluationResult;
}

export interface SimulationSummary {
  subjects: number;
  unchanged: number;
  changed: number;
  /** Better / worse on the draft's ladder (only when both versions use the same ladder). */
  better: number;
  worse: number;
  /** Entering or leaving the scheme's scope. */
  added: number;
  removed: number;
  /** `from→to` → subjects, e.g. `4→3`. */
  transitions: Record<string, number>;
  sample: {
    subjectId: string;
    from: { grade: string; score: number } | null;
    to: { grade: string; score: number; explanation: EvaluationResult['explanation'] } | null;
    direction: Direction;
  }[];
}

export type Direction = 'better' | 'worse' | 'changed' | 'added' | 'removed';

/**
 * What a draft version would change (issue 4 item 7): per subject, the grade under the active
 * version against the grade under the draft, both computed now from the same records. `grades`
 * is the draft's ladder (best → worst); `sameLadder` says whether ranks can be compared.
 */
export function summariseSimulation(
  outcomes: readonly SubjectOutcome[],
  grades: readonly string[],
  sameLadder: boolean,
  sampleSize: number,
): SimulationSummary {
  const summary: SimulationSummary = {
    subjects: outcomes.length,
    unchanged: 0,
    changed: 0,
    better: 0,
    worse: 0,
    added: 0,
    removed: 0,
    transitions: {},
    sample: [],
  };
  for (const outcome of [...outcomes].sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1))) {
    const from = outcome.before?.grade;
    const to = outcome.after?.grade;
    if (from === to) {
      summary.unchanged += 1;
      continue;
    }
    summary.changed += 1;
    const direction = directionOf(from, to, grades, sameLadder);
    if (direction !== 'changed') summary[direction] += 1;
    const key = `${from ?? '∅'}→${to ?? '∅'}`;
    summary.transitions[key] = (summary.transitions[key] ?? 0) + 1;
    if (summary.sample.length < sampleSize) {
      summary.sample.push({
        subjectId: outcome.subjectId,
        from: outcome.before ? { grade: outcome.before.grade, score: outcome.before.score } : null,
        to: outcome.after ? { grade: outcome.after.grade, score: outcome.after.score, explanation: outcome.after.explanation } : null,
        direction,
      });
    }
  }
  return summary;
}

function directionOf(from: string | undefined, to: string | undefined, grades: readonly string[], sameLadder: boolean): Direction {
  if (from === undefined) return 'added';
  if (to === undefined) return 'removed';
  if (!sameLadder) return 'changed';
  return grades.indexOf(to) < grades.indexOf(from) ? 'better' : 'worse';
}
