import type { ViolationClaimView } from './violation-view';

export interface ListViolationsQuery {
  subjectId: string;
  /** unclaimed | claimed | disposed; '' for all. */
  state: string;
  cursor: string;
  limit: number;
}

export interface ListViolationsView {
  violations: ViolationClaimView[];
  nextCursor: string;
}
