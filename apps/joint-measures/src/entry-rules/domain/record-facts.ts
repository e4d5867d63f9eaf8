import type { StandingRecord } from './entry-rule';

/** A carrier's reported fleet size (ADR 0026). */
export interface CarrierFleet {
  subjectId: string;
  vehicles: number;
  asOf: string;
  source: string;
  reportedBy: string;
}

/** A credit record as joint measures keeps it: what the entry rules count, with the subject's name and region. */
export interface RecordFacts extends StandingRecord {
  subjectName: string;
  region: string;
}
