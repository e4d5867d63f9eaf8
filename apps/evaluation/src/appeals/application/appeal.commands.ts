import type { GradeAppealView } from './grade-appeal.view';

/** A subject's appeal against its current result under a scheme, through an integrator of its region. */
export interface OpenAppealCommand {
  subjectId: string;
  schemeId: string;
  reason: string;
  evidence: string[];
  /** A closed period (e.g. 2026-Q3) whose published result is contested; empty: the current standing. */
  period: string;
  idempotencyKey?: string;
}

/** The scheme owner's decision on an open appeal. */
export interface DecideAppealCommand {
  appealId: string;
  outcome: string;
  reason: string;
  disregardedRecordIds: string[];
  idempotencyKey?: string;
}

/** An appeal as a write answers it: `replayed` when a retried idempotency key returned the first answer. */
export interface AppealWriteResult {
  appeal: GradeAppealView;
  replayed: boolean;
}
