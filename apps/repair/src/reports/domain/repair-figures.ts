import { addDays, addMonths, type WorkingDayCalendar } from '@domain/calendar';

/** One application as the monthly figures read it (China dates). */
export interface ApplicationDates {
  decidingRegion: string;
  /** pending | approved | rejected | revoked (a revoked repair was approved). */
  status: string;
  appliedOn: string;
  decisionDueOn: string;
  decidedOn: string | null;
}

/** A deciding unit's month (issue 19 item 10). */
export interface UnitRepairFigures {
  decidingRegion: string;
  /** Applications filed in the month. */
  applications: number;
  /** Decisions in the month: approved (a repair later revoked was approved), rejected. */
  approved: number;
  rejected: number;
  /** Applications due in the month and not decided by their due date (decided later, or still pending once past it). */
  overdue: number;
  /** Median working days from filing to decision of the month's decisions; null without decisions. */
  medianWorkingDaysToDecision: number | null;
}

/**
 * The monthly figures per deciding unit (`YYYY-MM`, China dates; `today` bounds what is overdue
 * while the month is running). Working days by the working-day calendar (statutory holidays and
 * adjusted days excluded, 《行政许可法》第八十二条), from the day after filing to the decision day.
 */
export function repairFigures(applications: readonly ApplicationDates[], month: string, today: string, calendar: WorkingDayCalendar): UnitRepairFigures[] {
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const inMonth = (date: string | null): date is string => date !== null && date >= first && date <= last;
  const units = [...new Set(applications.map((a) => a.decidingRegion))].sort();
  return units.map((decidingRegion) => {
    const own = applications.filter((a) => a.decidingRegion === decidingRegion);
    const decided = own.filter((a) => inMonth(a.decidedOn));
    const days = decided.map((a) => calendar.workingDaysBetween(a.appliedOn, a.decidedOn!));
    return {
      decidingRegion,
      applications: own.filter((a) => inMonth(a.appliedOn)).length,
      approved: decided.filter((a) => a.status === 'approved' || a.status === 'revoked').length,
      rejected: decided.filter((a) => a.status === 'rejected').length,
      overdue: own.filter((a) => inMonth(a.decisionDueOn) && isOverdue(a, today)).length,
      medianWorkingDaysToDecision: median(days),
    };
  });
}

function isOverdue(a: ApplicationDates, today: string): boolean {
  return a.decidedOn === null ? today > a.decisionDueOn : a.decidedOn > a.decisionDueOn;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
