import { SlidingWindowThrottlerStorage } from './sliding-window-storage';

const MINUTE = 60_000;

describe('SlidingWindowThrottlerStorage', () => {
  let clock: number;
  let storage: SlidingWindowThrottlerStorage;

  beforeEach(() => {
    clock = 10 * MINUTE; // the start of a window
    storage = new SlidingWindowThrottlerStorage(() => clock);
  });
  afterEach(() => storage.onApplicationShutdown());

  const hit = (key = 'client:a', limit = 3, blockDuration = MINUTE) => storage.increment(key, MINUTE, limit, blockDuration, 'api');

  it('counts hits up to the limit, then blocks and says when to retry', async () => {
    expect((await hit()).totalHits).toBe(1);
    await hit();
    const third = await hit();
    expect(third).toEqual({ totalHits: 3, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    const fourth = await hit();
    expect(fourth.isBlocked).toBe(true);
    expect(fourth.timeToBlockExpire).toBe(60);
  });

  it('keeps each tracker and each named limit apart', async () => {
    for (let i = 0; i < 3; i++) await hit('client:a');
    expect((await hit('client:b')).isBlocked).toBe(false);
    expect((await storage.increment('client:a', MINUTE, 3, MINUTE, 'public')).totalHits).toBe(1);
  });

  it('stays blocked for the block duration, then admits again', async () => {
    for (let i = 0; i < 4; i++) await hit('client:a', 3, 10_000);
    clock += 9_000;
    expect((await hit('client:a', 3, 10_000)).isBlocked).toBe(true);
    clock += 2 * MINUTE;
    expect((await hit('client:a', 3, 10_000)).isBlocked).toBe(false);
  });

  it('weighs the previous window by how much of it still overlaps the last minute', async () => {
    for (let i = 0; i < 3; i++) await hit('client:a', 10);
    clock += MINUTE + MINUTE / 3; // a third into the next window: two thirds of the last one still count
    expect((await hit('client:a', 10)).totalHits).toBe(Math.floor(3 * (2 / 3)) + 1);
    clock += MINUTE; // the window with the three hits no longer overlaps
    expect((await hit('client:a', 10)).totalHits).toBe(Math.floor(1 * (2 / 3)) + 1);
  });

  it('forgets idle trackers when sweeping, but not blocked ones', async () => {
    await hit('client:idle');
    for (let i = 0; i < 4; i++) await hit('client:blocked', 3, 10 * MINUTE);
    clock += 3 * MINUTE;
    storage.sweep();
    expect((await hit('client:idle')).totalHits).toBe(1);
    expect((await hit('client:blocked', 3, 10 * MINUTE)).isBlocked).toBe(true);
  });
});
