import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import type { StandingRecord } from '../../entry-rules/domain/entry-rule';
import { isInForce, type ListEntry } from '../../lists/domain/list-entry';
import type { DecisionFacts } from './decision';
import type { RecognisedGrade } from './recognised-grades';

/**
 * Everything a decision may look at for one subject, independent of the day asked: every list
 * entry (which are in force is decided per day), the standing records and the latest grade per
 * scheme. This is what the decision read cache keeps per subject.
 */
export interface SubjectFacts {
  /** Whether the platform knows the subject at all (records, grades — ours or recognised partners' — or list entries). */
  known: boolean;
  entries: readonly ListEntry[];
  records: readonly StandingRecord[];
  grades: readonly CycleGrade[];
  /** Partners' grades recognised on our ladder (ADR 0090), apart from ours: decisions use one only where we have no grade under its scheme. */
  recognisedGrades: readonly RecognisedGrade[];
  /** The subject registry's sectors for the subject (enterprise licences, driver qualifications); null when the registry does not know it. */
  registeredSectors: readonly string[] | null;
}

export interface SubjectDecisionFacts extends DecisionFacts {
  known: boolean;
  registeredSectors: readonly string[] | null;
}

/** The facts as they bind on `on`: only entries in force that day count. */
export function factsOn(facts: SubjectFacts, on: string): SubjectDecisionFacts {
  return {
    known: facts.known,
    entries: facts.entries.filter((e) => isInForce(e, on)),
    records: facts.records,
    grades: facts.grades,
    recognisedGrades: facts.recognisedGrades,
    registeredSectors: facts.registeredSectors,
  };
}
