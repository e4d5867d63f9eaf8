import type { EvaluationResult } from '../../engine/domain/evaluate';
import { gradeWithoutDisregarded } from './appeal-facts';

/* An upheld appeal's records do not count, and the result says so (ADR 0054; DOMAIN.md §3: every result explainable). */
const result = (counted: readonly { id: string }[]) =>
  ({ grade: counted.length > 0 ? 'D' : 'A', score: 0, explanation: { warnings: ['an engine warning'] } }) as unknown as EvaluationResult;

describe('grading without the records upheld appeals disregard', () => {
  const records = [{ id: 'accident' }, { id: 'penalty' }];

  it('grades every record when no appeal disregards any', () => {
    expect(gradeWithoutDisregarded(records, undefined, (counted) => result(counted)).explanation.warnings).toEqual(['an engine warning']);
  });

  it('leaves the disregarded records out and names them in the explanation', () => {
    const graded: string[][] = [];
    const r = gradeWithoutDisregarded(records, new Set(['accident', 'elsewhere']), (counted) => {
      graded.push(counted.map((c) => c.id));
      return result([]);
    });
    expect(graded).toEqual([['penalty']]);
    expect(r.explanation.warnings).toEqual(['an engine warning', expect.stringMatching(/申诉复核.*accident$/)]);
  });

  it('says nothing when none of the disregarded records is among these', () => {
    expect(gradeWithoutDisregarded(records, new Set(['elsewhere']), (counted) => result(counted)).explanation.warnings).toEqual(['an engine warning']);
  });
});
