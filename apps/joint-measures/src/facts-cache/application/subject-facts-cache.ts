export interface SubjectFactsCacheOptions {
  /** Backstop: a cached subject is read again after this long even if no change was announced. 0 turns the cache off. */
  ttlMs: number;
  /** At most this many subjects are kept; the oldest cached goes first. */
  maxSubjects: number;
  /** How long a subject being written on this replica is read from the database only (see `hold`). */
  holdMs?: number;
  now?: () => number;
}

interface Read<T> {
  promise: Promise<T>;
  /** Set when the subject changed while the read was in flight: its result must not be kept. */
  stale: boolean;
}

/**
 * What a decision reads about a subject, kept in process and dropped when the subject's facts
 * change (ADR 0025). Correctness rests on three rules:
 * - it serves only while it is `live`, i.e. while the change feed that invalidates it is
 *   connected; losing the feed empties it and every read goes to the database until the feed is
 *   back (a change announced while nobody listened can never be served from memory);
 * - a read that was in flight when its subject changed is answered but not kept (it may have
 *   seen the state before the change), and later callers do not join it;
 * - a subject this replica is writing (`hold`, called inside the writing transaction) is read from
 *   the database, never cached, until the hold lapses: once that transaction commits, the next
 *   decision here sees the change without waiting for the notification;
 * - entries expire after `ttlMs` whatever happens (a backstop, not the mechanism).
 * A failed read caches nothing: the caller sees the failure (DECISION.UNAVAILABLE), never a default.
 */
export class SubjectFactsCache<T> {
  private readonly cached = new Map<string, { value: T; expiresAt: number }>();
  private readonly reads = new Map<string, Read<T>>();
  private readonly held = new Map<string, number>();
  private live = false;
  private readonly now: () => number;

  constructor(private readonly options: SubjectFactsCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  get size(): number {
    return this.cached.size;
  }

  /** The change feed is connected (true) or lost (false); either way what was kept is dropped. */
  setLive(live: boolean): void {
    this.clear();
    this.live = live;
  }

  isCached(key: string): boolean {
    const hit = this.cached.get(key);
    return hit !== undefined && hit.expiresAt > this.now();
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.live || !this.enabled) return load();
    const heldUntil = this.held.get(key);
    if (heldUntil !== undefined) {
      if (heldUntil > this.now()) return load();
      this.held.delete(key);
    }
    const hit = this.cached.get(key);
    if (hit) {
      if (hit.expiresAt > this.now()) return hit.value;
      this.cached.delete(key);
    }
    const pending = this.reads.get(key);
    if (pending) return pending.promise;
    const read: Read<T> = { promise: undefined as unknown as Promise<T>, stale: false };
    const settle = () => {
      if (this.reads.get(key) === read) this.reads.delete(key);
    };
    read.promise = load().then(
      (value) => {
        settle();
        if (!read.stale && this.live && !this.held.has(key)) this.keep(key, value);
        return value;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    this.reads.set(key, read);
    return read.promise;
  }

  /** The subject's facts changed: forget them, and do not keep a read that started before. */
  invalidate(key: string): void {
    this.cached.delete(key);
    const read = this.reads.get(key);
    if (read) {
      read.stale = true;
      this.reads.delete(key);
    }
  }

  /**
   * This replica is about to change the subject's facts in a transaction that has not committed
   * yet: forget them and read them from the database only, for `holdMs`. Every replica (this one
   * included) also drops the subject when the commit's notification arrives; the hold closes the
   * gap between this replica's commit and that notification.
   */
  hold(key: string): void {
    this.invalidate(key);
    if (!this.enabled) return;
    const now = this.now();
    if (this.held.size >= this.options.maxSubjects) {
      for (const [k, until] of this.held) if (until <= now) this.held.delete(k);
    }
    this.held.set(key, now + (this.options.holdMs ?? 10_000));
  }

  clear(): void {
    this.cached.clear();
    for (const read of this.reads.values()) read.stale = true;
    this.reads.clear();
  }

  private keep(key: string, value: T): void {
    this.cached.delete(key);
    this.cached.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    while (this.cached.size > this.options.maxSubjects) {
      const oldest = this.cached.keys().next().value as string;
      this.cached.delete(oldest);
    }
  }
}
