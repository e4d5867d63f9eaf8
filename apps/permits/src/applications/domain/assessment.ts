import type { WorkingDayCalendar } from '@domain/calendar';
import { axleLoadRefusals, classIIIRequirementsMissing, classify, decisionWorkingDays, nonAcceptanceReasons, type PermitClass } from './classification';
import type { CreditPathOutcome } from './credit-path';
import { decisionDeadline, type DecisionDeadline } from './decision-deadline';
import type { Deficiency } from './application-errors';
import { isCrossProvince, routeProvinces, type PermitApplicationDraft } from './permit-application';

/**
 * accepted: the clock runs to the deadline; deficient: one notice (一次性告知) lists every missing
 * item and the clock waits for the correction; not-accepted (不予受理) and refused (不予许可) end it.
 */
export type ApplicationStatus = 'accepted' | 'deficient' | 'not-accepted' | 'refused';

export interface CarrierFacts {
  licensedForOversize: boolean;
}

export interface Assessment {
  status: ApplicationStatus;
  permitClass: PermitClass | null;
  crossProvince: boolean;
  provinces: string[];
  workingDays: number | null;
  deadline: DecisionDeadline | null;
  deficiencies: Deficiency[];
  reasons: string[];
}

/** Classifies an application that passed `checkApplication`, on the day it is received. */
export function assessApplication(
  draft: PermitApplicationDraft,
  carrier: CarrierFacts,
  credit: CreditPathOutcome,
  receivedOn: string,
  calendar?: WorkingDayCalendar,
): Assessment {
  const provinces = routeProvinces(draft.route.segments);
  const crossProvince = isCrossProvince(draft.route.segments);
  const permitClass = classify(draft.dimensions, draft.vehicle) ?? null;
  const base = { permitClass, crossProvince, provinces, workingDays: null, deadline: null, deficiencies: [], reasons: [] };
  const notAccepted = nonAcceptanceReasons({
    divisibleCargo: draft.cargo.divisible,
    carrierLicensedForOversize: carrier.licensedForOversize,
    carrierBanned: credit.banned,
  });
  if (notAccepted.length > 0) return { ...base, status: 'not-accepted', reasons: notAccepted };
  const refusals = axleLoadRefusals(draft.vehicle);
  if (refusals.length > 0) return { ...base, status: 'refused', reasons: refusals };
  if (permitClass === null) return { ...base, status: 'not-accepted', reasons: ['not-over-limit'] };
  const workingDays = decisionWorkingDays(permitClass, crossProvince);
  const deficiencies = classIIIDeficiencies(draft, permitClass);
  if (deficiencies.length > 0) return { ...base, status: 'deficient', workingDays, deficiencies };
  return { ...base, status: 'accepted', workingDays, deadline: decisionDeadline(receivedOn, workingDays, calendar) };
}

/** What a class III application still lacks (the outline drawing, the escort plan), each named. */
export function classIIIDeficiencies(draft: PermitApplicationDraft, permitClass: PermitClass): Deficiency[] {
  const missing = classIIIRequirementsMissing(
    permitClass,
    draft.attachments.map((a) => a.kind),
    draft.escortPlan,
  );
  return missing.map((field) => ({ field, reason: '三类大件运输须提交车货外廓尺寸图和护送方案' }));
}
