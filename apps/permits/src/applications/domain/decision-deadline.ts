import { UnsupportedCalendarYearError, WorkingDayCalendar } from '@domain/calendar';

/**
 * The last day of the decision period: `workingDays` working days after acceptance (the day of
 * acceptance not counted), by the national holiday arrangement with its make-up working days.
 *
 * A legal deadline is never computed as plain Monday–Friday. For a year whose arrangement is not in
 * the calendar yet the date is unknown here (null) and `provisional` is true; the provisional
 * calendar (statutory holidays of the State Council's rule, ops-loaded arrangements) replaces this
 * one call when it lands.
 */
export interface DecisionDeadline {
  date: string | null;
  provisional: boolean;
}

const calendar = new WorkingDayCalendar();

export function decisionDeadline(acceptedOn: string, workingDays: number): DecisionDeadline {
  try {
    return { date: calendar.addWorkingDays(acceptedOn, workingDays), provisional: false };
  } catch (error) {
    if (error instanceof UnsupportedCalendarYearError) return { date: null, provisional: true };
    throw error;
  }
}
