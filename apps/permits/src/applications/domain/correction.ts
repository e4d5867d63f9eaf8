import type { WorkingDayCalendar } from '@domain/calendar';
import type { Deficiency } from './application-errors';
import { classIIIDeficiencies } from './assessment';
import type { PermitClass } from './classification';
import { decisionDeadline, type DecisionDeadline } from './decision-deadline';
import type { AttachmentReference, PermitApplicationDraft } from './permit-application';

/** What the applicant hands in after a deficiency notice (补正材料): further attachments, the escort plan. */
export interface Correction {
  attachments: AttachmentReference[];
  escortPlan?: string;
}

/** The application with the correction: attachments added to those given, the escort plan replaced when given. */
export function correctedDraft(draft: PermitApplicationDraft, correction: Correction): PermitApplicationDraft {
  return {
    ...draft,
    attachments: [...draft.attachments, ...correction.attachments],
    escortPlan: correction.escortPlan?.trim() ? correction.escortPlan : draft.escortPlan,
  };
}

export type CorrectionOutcome = { status: 'accepted'; acceptedOn: string; deadline: DecisionDeadline } | { status: 'deficient'; deficiencies: Deficiency[] };

/**
 * 《行政许可法》第三十二条: a deficient application is accepted once its materials are complete, and
 * the decision period (第四十二条) runs from that acceptance: the deadline counts `workingDays` from
 * the day the correction completed it, not from the first receipt. Still incomplete → one new notice
 * listing every item still missing (一次性告知), the clock still waiting.
 */
export function assessCorrection(
  corrected: PermitApplicationDraft,
  permitClass: PermitClass,
  workingDays: number,
  correctedOn: string,
  calendar?: WorkingDayCalendar,
): CorrectionOutcome {
  const deficiencies = classIIIDeficiencies(corrected, permitClass);
  if (deficiencies.length > 0) return { status: 'deficient', deficiencies };
  return { status: 'accepted', acceptedOn: correctedOn, deadline: decisionDeadline(correctedOn, workingDays, calendar) };
}
