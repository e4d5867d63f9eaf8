import { backoffDelayMs } from './feed-backoff';

describe('backoff after failures', () => {
  it('doubles per failure between half and the whole of the step (equal jitter)', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, () => 0.999999))).toEqual([999, 1999, 3999, 7999]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelayMs(80, () => 0.999999)).toBeLessThan(15 * 60_000);
    expect(backoffDelayMs(80, () => 0)).toBe(7.5 * 60_000);
  });
});
