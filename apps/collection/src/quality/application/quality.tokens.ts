import { WorkingDayCalendar } from '@domain/calendar';
import type { EntityManager } from 'typeorm';

export type IntakeOutcome = 'rejected' | 'duplicate';

/**
 * Counts refused and duplicate submissions per unit, region and day for the quality report.
 * Exported by QualityModule for intake (single records and batches).
 */
export interface IntakeOutcomesPort {
  /** Inside the caller's transaction (batches: counted with the chunk they belong to). */
  add(manager: EntityManager, clientId: string, region: string, outcome: IntakeOutcome, n: number, at?: Date): Promise<void>;
  /** On its own, after a single submission was refused: a failure to count never hides the refusal. */
  addDetached(clientId: string, region: string, outcome: IntakeOutcome): Promise<void>;
}

/** Injection token of the IntakeOutcomesPort. */
export const IntakeOutcomesPort = Symbol('IntakeOutcomesPort');

export const QUALITY_CALENDAR = Symbol('QUALITY_CALENDAR');

/**
 * Timeliness is judged in working days with the national holiday arrangement. A report must
 * still answer for dates in a year whose arrangement is not yet published: those count Monday
 * to Friday (and can be recomputed once it is).
 */
export const qualityCalendarProvider = { provide: QUALITY_CALENDAR, useFactory: () => new WorkingDayCalendar({ unknownYears: 'weekdays' }) };
