/** Injection token of the Clock (domain/clock.ts); tests provide a ManualClock. */
export const CLOCK = Symbol('CLOCK');
