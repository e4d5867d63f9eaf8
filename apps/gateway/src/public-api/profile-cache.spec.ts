import { ProfileCache, ProfileTimes, timeBound } from './profile-cache';

const A = '91410100MA3X000109';
const B = '91410300MA3X000208';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ProfileCache', () => {
  let clock: number;
  let calls: number;
  let cache: ProfileCache;
  const profile = (name: string, extra: Partial<ProfileTimes> = {}) => ({ name, penalties: [], licences: [], lists: [], ...extra });
  const load = (name: string, extra?: Partial<ProfileTimes>) => () => {
    calls += 1;
    return Promise.resolve(profile(name, extra));
  };
  const body = async (promise: Promise<{ body: Buffer }>) => JSON.parse((await promise).body.toString()) as { name: string };

  beforeEach(() => {
    clock = Date.parse('2026-11-22T00:00:00Z');
    calls = 0;
    cache = new ProfileCache({ ttlMs: 10_000, maxEntries: 2, now: () => clock });
  });

  it('serves a stored copy until the TTL backstop, then loads again', async () => {
    expect(await body(cache.get(A, load('v1')))).toEqual(expect.objectContaining({ name: 'v1' }));
    expect(await body(cache.get(A, load('v2')))).toEqual(expect.objectContaining({ name: 'v1' }));
    clock += 10_000;
    expect(await body(cache.get(A, load('v3')))).toEqual(expect.objectContaining({ name: 'v3' }));
    expect(calls).toBe(2);
  });

  it('reloads a copy in the background past half its life, serving the old one until the new one is stored', async () => {
    await cache.get(A, load('v1'));
    clock += 4_999;
    expect(cache.peek(A, load('never'))?.body.toString()).toContain('v1');
    expect(calls).toBe(1);
    clock += 1;
    const next = deferred<ProfileTimes>();
    const slow = () => {
      calls += 1;
      return next.promise;
    };
    expect(cache.peek(A, slow)?.body.toString()).toContain('v1');
    expect(cache.peek(A, slow)?.body.toString()).toContain('v1'); // one reload at a time
    expect(calls).toBe(2);
    next.resolve(profile('v2'));
    await next.promise;
    await new Promise((r) => setImmediate(r));
    expect(cache.peek(A)?.body.toString()).toContain('v2');
    clock += 9_999; // the new copy lives its own TTL
    expect(cache.peek(A)?.body.toString()).toContain('v2');
  });

  it('does not store a background reload that an invalidation overtook', async () => {
    await cache.get(A, load('v1'));
    clock += 6_000;
    const next = deferred<ProfileTimes>();
    cache.peek(A, () => next.promise);
    cache.invalidate([A]);
    next.resolve(profile('read-before-the-change'));
    await new Promise((r) => setImmediate(r));
    expect(cache.peek(A)).toBeUndefined();
  });

  it('drops a profile the moment it is invalidated, and only that one', async () => {
    await cache.get(A, load('a1'));
    await cache.get(B, load('b1'));
    cache.invalidate([A]);
    expect(await body(cache.get(A, load('a2')))).toEqual(expect.objectContaining({ name: 'a2' }));
    expect(await body(cache.get(B, load('b2')))).toEqual(expect.objectContaining({ name: 'b1' }));
  });

  it('does not store a load that was under way when the invalidation arrived (it may have read the old profile)', async () => {
    const slow = deferred<ProfileTimes>();
    const inFlight = cache.get(A, () => slow.promise);
    cache.invalidate([A]);
    slow.resolve(profile('read before the change'));
    expect(await body(inFlight)).toEqual(expect.objectContaining({ name: 'read before the change' }));
    expect(await body(cache.get(A, load('after the change')))).toEqual(expect.objectContaining({ name: 'after the change' }));
  });

  it('clear() forgets everything, including loads under way', async () => {
    await cache.get(A, load('a1'));
    const slow = deferred<ProfileTimes>();
    const inFlight = cache.get(B, () => slow.promise);
    cache.clear();
    slow.resolve(profile('b-old'));
    await inFlight;
    expect(cache.size).toBe(0);
    expect(await body(cache.get(B, load('b-new')))).toEqual(expect.objectContaining({ name: 'b-new' }));
  });

  it('shares one upstream call between concurrent misses, and caches no failure', async () => {
    const slow = deferred<ProfileTimes>();
    const loader = () => {
      calls += 1;
      return slow.promise;
    };
    const both = Promise.all([cache.get(A, loader), cache.get(A, loader)]);
    slow.resolve(profile('once'));
    const [first, second] = await both;
    expect(first).toBe(second);
    expect(calls).toBe(1);
    await expect(cache.get(B, () => Promise.reject(new Error('upstream down')))).rejects.toThrow('upstream down');
    expect(await body(cache.get(B, load('b')))).toEqual(expect.objectContaining({ name: 'b' }));
  });

  it('never serves an item past the end of its publicity period, even inside the TTL', async () => {
    const until = new Date(clock + 3_000).toISOString();
    await cache.get(A, load('with item', { penalties: [{ publishedUntil: until }] }));
    clock += 2_999;
    expect(await body(cache.get(A, load('later')))).toEqual(expect.objectContaining({ name: 'with item' }));
    clock += 1;
    expect(await body(cache.get(A, load('later')))).toEqual(expect.objectContaining({ name: 'later' }));
  });

  it('keeps at most maxEntries, dropping the oldest; an ETag names the exact body', async () => {
    const a = await cache.get(A, load('a'));
    await cache.get(B, load('b'));
    await cache.get('91410200MA3X000300', load('c'));
    expect(cache.size).toBe(2);
    expect((await cache.get(A, load('a'))).etag).toBe(a.etag);
    expect(calls).toBe(4);
    cache.invalidate([A]);
    expect((await cache.get(A, load('a changed'))).etag).not.toBe(a.etag);
  });

  it('with a TTL of 0 it stores nothing', async () => {
    const off = new ProfileCache({ ttlMs: 0, maxEntries: 10, now: () => clock });
    await off.get(A, load('1'));
    await off.get(A, load('2'));
    expect(calls).toBe(2);
    expect(off.size).toBe(0);
  });
});

describe('timeBound', () => {
  it('is the earliest end of an item period or the day after a list entry’s last day (China time)', () => {
    expect(timeBound({ penalties: [{ publishedUntil: '2027-01-01T00:00:00.000Z' }], licences: [{ publishedUntil: '2026-12-31T00:00:00.000Z' }] })).toBe(
      Date.parse('2026-12-31T00:00:00.000Z'),
    );
    expect(timeBound({ lists: [{ endsOn: '2026-12-01' }, { endsOn: '' }] })).toBe(Date.parse('2026-12-01T16:00:00.000Z'));
    expect(timeBound({})).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts published commitments too', () => {
    expect(timeBound({ penalties: [{ publishedUntil: '2027-01-01T00:00:00.000Z' }], commitments: [{ publishedUntil: '2026-12-15T00:00:00.000Z' }] })).toBe(
      Date.parse('2026-12-15T00:00:00.000Z'),
    );
  });
});
