import { WorkingDayCalendar } from '@domain/calendar';

/** The working-day calendar decision deadlines are counted in (legal deadlines: `deadline()`). */
export const REPAIR_CALENDAR = Symbol('REPAIR_CALENDAR');
export const repairCalendarProvider = { provide: REPAIR_CALENDAR, useFactory: () => new WorkingDayCalendar() };
