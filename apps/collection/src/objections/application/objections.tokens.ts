import { WorkingDayCalendar } from '@domain/calendar';

/** Injection token of the working-day calendar objection deadlines are counted in. */
export const OBJECTION_CALENDAR = Symbol('OBJECTION_CALENDAR');

/**
 * An objection deadline is a service-level target shown to both sides, not a legal decision: in a
 * year whose holiday arrangement is not yet published it is counted Monday to Friday rather than
 * refusing the objection.
 */
export const objectionCalendarProvider = { provide: OBJECTION_CALENDAR, useFactory: () => new WorkingDayCalendar({ unknownYears: 'weekdays' }) };
