import { WorkingDayCalendar, type Deadline } from '@domain/calendar';

/**
 * The last day of the decision period: `workingDays` working days after acceptance (the day of
 * acceptance not counted), by the holiday arrangement with its make-up working days.
 *
 * A legal deadline is never computed as plain Monday–Friday: for a year whose arrangement is neither
 * packaged nor loaded by ops, the calendar counts the statutory holidays of 《全国年节及纪念日放假办法》
 * and the answer is `provisional` (it may move once the State Council's notice is loaded).
 */
export type DecisionDeadline = Deadline;

/** The packaged arrangements only; the service passes its calendar with the ops-loaded ones. */
const PACKAGED = new WorkingDayCalendar();

export function decisionDeadline(acceptedOn: string, workingDays: number, calendar: WorkingDayCalendar = PACKAGED): DecisionDeadline {
  return calendar.deadline(acceptedOn, workingDays);
}
