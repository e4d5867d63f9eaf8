import type { ViolationClaimView } from './violation-view';

export interface ClaimViolationCommand {
  recordId: string;
  /** Who at the enterprise claims it. */
  claimant: string;
}

export interface ClaimViolationResult {
  violation: ViolationClaimView;
}
