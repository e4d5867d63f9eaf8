import { SubjectFactsCache } from './subject-facts-cache';

/** A read whose answer the test releases by hand, to interleave it with invalidations. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SubjectFactsCache', () => {
  let clock: number;
  const make = (ttlMs = 1000, maxSubjects = 10) => {
    const cache = new SubjectFactsCache<string>({ ttlMs, maxSubjects, holdMs: 500, now: () => clock });
    cache.setLive(true);
    return cache;
  };
  beforeEach(() => {
    clock = 0;
  });

  it('serves a subject from memory until it is invalidated, then reads it again', async () => {
    const cache = make();
    const load = jest.fn().mockResolvedValueOnce('v1').mockResolvedValueOnce('v2');
    expect(await cache.get('s', load)).toBe('v1');
    expect(await cache.get('s', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
    cache.invalidate('s');
    expect(await cache.get('s', load)).toBe('v2');
  });

  it('never keeps a read that was in flight when the subject changed, and later callers do not join it', async () => {
    const cache = make();
    const before = deferred<string>();
    const first = cache.get('s', () => before.promise);
    cache.invalidate('s');
    const after = cache.get('s', () => Promise.resolve('after'));
    before.resolve('before');
    expect(await first).toBe('before');
    expect(await after).toBe('after');
    expect(await cache.get('s', () => Promise.resolve('unused'))).toBe('after');
  });

  it('shares one read between concurrent callers of the same subject', async () => {
    const cache = make();
    const read = deferred<string>();
    const load = jest.fn(() => read.promise);
    const answers = Promise.all([cache.get('s', load), cache.get('s', load)]);
    read.resolve('v');
    expect(await answers).toEqual(['v', 'v']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('bypasses memory while its change feed is down, and starts empty when the feed is back', async () => {
    const cache = make();
    await cache.get('s', () => Promise.resolve('old'));
    cache.setLive(false);
    expect(cache.isCached('s')).toBe(false);
    const load = jest.fn().mockResolvedValue('db');
    expect(await cache.get('s', load)).toBe('db');
    expect(await cache.get('s', load)).toBe('db');
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
    cache.setLive(true);
    expect(await cache.get('s', () => Promise.resolve('fresh'))).toBe('fresh');
    expect(cache.isCached('s')).toBe(true);
  });

  it('reads a held subject (being written on this replica) from the database until the hold lapses', async () => {
    const cache = make();
    await cache.get('s', () => Promise.resolve('old'));
    cache.hold('s');
    expect(await cache.get('s', () => Promise.resolve('committed'))).toBe('committed');
    expect(cache.isCached('s')).toBe(false);
    clock = 501;
    expect(await cache.get('s', () => Promise.resolve('later'))).toBe('later');
    expect(cache.isCached('s')).toBe(true);
  });

  it('caches nothing from a failed read, so the failure is seen again rather than a default', async () => {
    const cache = make();
    await expect(cache.get('s', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(cache.isCached('s')).toBe(false);
  });

  it('expires entries after the TTL backstop and keeps at most maxSubjects, dropping the oldest', async () => {
    const cache = make(1000, 2);
    await cache.get('a', () => Promise.resolve('a'));
    clock = 999;
    expect(cache.isCached('a')).toBe(true);
    clock = 1000;
    expect(await cache.get('a', () => Promise.resolve('a2'))).toBe('a2');
    await cache.get('b', () => Promise.resolve('b'));
    await cache.get('c', () => Promise.resolve('c'));
    expect([cache.isCached('a'), cache.isCached('b'), cache.isCached('c')]).toEqual([false, true, true]);
  });

  it('is off with a TTL of 0', async () => {
    const cache = make(0);
    const load = jest.fn().mockResolvedValue('v');
    await cache.get('s', load);
    await cache.get('s', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
