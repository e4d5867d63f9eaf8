import type { CommitmentFindingView } from './commitment-finding-view';

export interface ListCommitmentFindingsQuery {
  /** pending | confirmed | dismissed; '' for all. */
  status: string;
  /** GB/T 2260 code within the caller's region; '' for the caller's own. */
  region: string;
  /** 0 for the default. */
  limit: number;
  cursor: string;
}

export interface CommitmentFindingsPage {
  findings: CommitmentFindingView[];
  /** '' on the last page. */
  nextCursor: string;
}
