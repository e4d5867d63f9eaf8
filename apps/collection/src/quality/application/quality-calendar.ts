import { WorkingDayCalendar } from '@domain/calendar';

export const QUALITY_CALENDAR = Symbol('QUALITY_CALENDAR');

/**
 * Timeliness is judged in working days with the national holiday arrangement. A report must
 * still answer for dates in a year whose arrangement is not yet published: those count Monday
 * to Friday (and can be recomputed once it is).
 */
export const qualityCalendarProvider = { provide: QUALITY_CALENDAR, useFactory: () => new WorkingDayCalendar({ unknownYears: 'weekdays' }) };
