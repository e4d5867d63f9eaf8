import type { PermitApplicationDraft } from '../domain/permit-application';
import type { PermitApplicationView } from './permit-application.view';

export interface SubmitApplicationCommand {
  draft: PermitApplicationDraft;
  idempotencyKey?: string | null;
}

export interface SubmitApplicationResult {
  application: PermitApplicationView;
  /** True when this answers a retried Idempotency-Key (the application as first answered). */
  replayed: boolean;
}
