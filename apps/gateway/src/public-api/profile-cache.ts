import { createHash } from 'node:crypto';

/** A rendered public profile: the JSON body as sent, its ETag, and until when it may be served. */
export interface CachedProfile {
  body: Buffer;
  etag: string;
  expiresAt: number;
  /** From here on a hit also reloads the copy in the background (refresh-ahead), still serving this one. */
  refreshAt: number;
}

/** What the cache needs to know of a profile to bound its life by the profile's own content. */
export interface ProfileTimes {
  penalties?: readonly { publishedUntil: string }[];
  licences?: readonly { publishedUntil: string }[];
  commitments?: readonly { publishedUntil: string }[];
  lists?: readonly { endsOn: string }[];
}

export interface ProfileCacheOptions {
  /** The backstop: no copy lives longer than this, even if a change notification was lost. 0 = no caching. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * The gateway's cache of rendered public profiles, keyed by normalised USCC (ADR 0030).
 *
 * Correct on withdrawal: `invalidate` (on disclosure's after-commit notification) drops the copy,
 * and a load that was already under way when the notification arrived is not stored — it may have
 * read the profile before the change committed. A copy also never outlives the first instant at
 * which its own content changes by time alone (an item's publicity period or a list entry ends),
 * nor the TTL backstop. Concurrent misses for one profile share one upstream call.
 */
export class ProfileCache {
  private readonly entries = new Map<string, CachedProfile>();
  private readonly loading = new Map<string, { promise: Promise<CachedProfile>; stale: boolean }>();
  private readonly now: () => number;

  constructor(private readonly options: ProfileCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached copy if there is a fresh one. Past half its life a hit also starts a reload in the
   * background (`load`), so a profile asked for often is replaced before it expires and its
   * callers never wait for a load; the copy served meanwhile is still within the TTL backstop.
   */
  peek(uscc: string, load?: () => Promise<ProfileTimes>): CachedProfile | undefined {
    const hit = this.entries.get(uscc);
    const now = this.now();
    if (!hit || hit.expiresAt <= now) return undefined;
    if (load && now >= hit.refreshAt && !this.loading.has(uscc)) this.startLoad(uscc, load).catch(() => undefined);
    return hit;
  }

  /** The cached copy, or a fresh one from `load` (stored unless invalidated meanwhile). */
  get(uscc: string, load: () => Promise<ProfileTimes>): Promise<CachedProfile> {
    const hit = this.peek(uscc, load);
    if (hit) return Promise.resolve(hit);
    this.entries.delete(uscc);
    return this.loading.get(uscc)?.promise ?? this.startLoad(uscc, load);
  }

  /** One load per profile at a time; its result is stored unless an invalidation came first. */
  private startLoad(uscc: string, load: () => Promise<ProfileTimes>): Promise<CachedProfile> {
    const flight = { promise: undefined as unknown as Promise<CachedProfile>, stale: false };
    const startedAt = this.now();
    flight.promise = load().then(
      (profile) => {
        const expiresAt = Math.min(startedAt + this.options.ttlMs, timeBound(profile));
        const entry = renderProfile(profile, expiresAt, Math.min(startedAt + this.options.ttlMs / 2, expiresAt));
        if (this.loading.get(uscc) === flight) this.loading.delete(uscc);
        if (!flight.stale && this.options.ttlMs > 0) this.store(uscc, entry);
        return entry;
      },
      (error: unknown) => {
        if (this.loading.get(uscc) === flight) this.loading.delete(uscc);
        throw error;
      },
    );
    this.loading.set(uscc, flight);
    return flight.promise;
  }

  /** These profiles changed: drop them, and do not store loads already under way. */
  invalidate(usccs: Iterable<string>): void {
    for (const uscc of usccs) {
      this.entries.delete(uscc);
      const running = this.loading.get(uscc);
      if (running) {
        running.stale = true;
        this.loading.delete(uscc);
      }
    }
  }

  /** Anything may have changed (e.g. notifications were missed while disconnected). */
  clear(): void {
    this.entries.clear();
    for (const running of this.loading.values()) running.stale = true;
    this.loading.clear();
  }

  private store(uscc: string, entry: CachedProfile): void {
    this.entries.delete(uscc);
    if (this.entries.size >= this.options.maxEntries) {
      // Oldest stored first (Map keeps insertion order).
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(uscc, entry);
  }
}

/** The body as sent and its ETag (a hash of exactly those bytes). */
export function renderProfile(profile: ProfileTimes, expiresAt: number, refreshAt = expiresAt): CachedProfile {
  const body = Buffer.from(JSON.stringify(profile));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, expiresAt, refreshAt };
}

/**
 * The first instant at which the profile would read differently with nothing else changing: an
 * item leaves at its `publishedUntil`, a list entry after its last day (`endsOn`, inclusive,
 * China time).
 */
export function timeBound(profile: ProfileTimes): number {
  let bound = Number.POSITIVE_INFINITY;
  for (const item of [...(profile.penalties ?? []), ...(profile.licences ?? []), ...(profile.commitments ?? [])]) {
    const until = Date.parse(item.publishedUntil);
    if (Number.isFinite(until)) bound = Math.min(bound, until);
  }
  for (const entry of profile.lists ?? []) {
    if (!entry.endsOn) continue;
    const until = Date.parse(`${entry.endsOn}T23:59:59.999+08:00`);
    if (Number.isFinite(until)) bound = Math.min(bound, until + 1);
  }
  return bound;
}
