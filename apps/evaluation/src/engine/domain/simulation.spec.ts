import type { EvaluationResult } from './evaluate';
import { summariseSimulation } from './simulation';

const result = (grade: string, score: number) => ({ grade, score, explanation: { items: [] } }) as unknown as EvaluationResult;
const STARS = ['5', '4', '3', '2', '1', '0'];

describe('summariseSimulation', () => {
  it('counts changes by direction and transition, with a sample in subject order', () => {
    const summary = summariseSimulation(
      [
        { subjectId: 'c', before: result('4', 20), after: result('3', 19) },
        { subjectId: 'a', before: result('4', 20), after: result('4', 21) },
        { subjectId: 'b', before: result('3', 15), after: result('4', 20) },
        { subjectId: 'd', before: undefined, after: result('4', 20) },
        { subjectId: 'e', before: result('2', 5), after: undefined },
        { subjectId: 'f', before: result('4', 20), after: result('3', 18) },
      ],
      STARS,
      true,
      2,
    );
    expect({ ...summary, sample: summary.sample.map((s) => [s.subjectId, s.direction]) }).toEqual({
      subjects: 6,
      unchanged: 1,
      changed: 5,
      better: 1,
      worse: 2,
      added: 1,
      removed: 1,
      transitions: { '3→4': 1, '4→3': 2, '∅→4': 1, '2→∅': 1 },
      sample: [
        ['b', 'better'],
        ['c', 'worse'],
      ],
    });
  });

  it('does not rank grades across different ladders', () => {
    const summary = summariseSimulation([{ subjectId: 'a', before: result('AA', 95), after: result('green', 950) }], ['green', 'yellow', 'red'], false, 5);
    expect({ changed: summary.changed, better: summary.better, worse: summary.worse, direction: summary.sample[0]?.direction }).toEqual({
      changed: 1,
      better: 0,
      worse: 0,
      direction: 'changed',
    });
  });
});
