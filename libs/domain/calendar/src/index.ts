export { WorkingDayCalendar, type WorkingDayOverrides } from './working-day-calendar';
export { UnsupportedCalendarYearError, hasHolidayArrangement, knownArrangementYears, isStatutoryWorkingDay } from './statutory-holidays';
export { chinaDateOf, isIsoDate, assertIsoDate, addDays, addMonths, daysInMonth, dayOfWeek } from './iso-date';
