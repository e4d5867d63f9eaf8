export { WorkingDayCalendar, type WorkingDayOverrides, type Deadline, type UnknownYears } from './working-day-calendar';
export {
  type HolidayArrangement,
  HOLIDAY_ARRANGEMENTS_FILE,
  HolidayArrangementsError,
  holidayArrangementsFile,
  loadHolidayArrangements,
  parseHolidayArrangements,
} from './holiday-arrangements';
export { statutoryFestivals, statutoryDaysOff, type StatutoryFestival } from './statutory-rule';
export { UnsupportedCalendarYearError, hasHolidayArrangement, knownArrangementYears, isStatutoryWorkingDay } from './statutory-holidays';
export { chinaDateOf, isIsoDate, assertIsoDate, addDays, addMonths, daysInMonth, dayOfWeek } from './iso-date';
