/**
 * Where "now" comes from. Jobs that compare dates (commitment due dates, licence validity,
 * publicity periods) read the time only through this, so tests move time by giving another
 * clock instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that shows a fixed instant until moved (tests). */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = new Date(instant);
  }
}
