import type { ViolationClaimView } from './violation-view';

export interface DisposeViolationCommand {
  recordId: string;
  /** What the enterprise did about it. */
  disposal: string;
}

export interface DisposeViolationResult {
  violation: ViolationClaimView;
}
