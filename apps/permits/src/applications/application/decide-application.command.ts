import type { PermitApplicationView } from './permit-application.view';
import type { PermitView } from './permit.view';

export interface DecideApplicationCommand {
  id: string;
  /** issue | refuse */
  outcome: string;
  reason?: string;
  idempotencyKey?: string | null;
}

export interface DecideApplicationResult {
  application: PermitApplicationView;
  permit: PermitView | null;
  replayed: boolean;
}
