import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  ttl: number;
  /** Start of the current fixed window (ms since the epoch). */
  start: number;
  count: number;
  /** Hits in the window before the current one. */
  previous: number;
  blockedUntil: number;
}

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * In-memory rate-limit counters in constant time per request: a sliding-window counter (the
 * previous fixed window's hits, weighted by how much of it still overlaps the last `ttl`, plus
 * the current window's). @nestjs/throttler's own storage keeps one timestamp per hit and filters
 * the whole list on every request, so its cost grows with the limit and the request rate; at a
 * few hundred requests per second it was a visible share of the gateway's CPU (docs/perf.md).
 * Same contract: over the limit, the tracker is blocked for `blockDuration` and told when to retry.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepIntervalMs = 60_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const window = this.windowAt(`${throttlerName}\u0000${key}`, ttl, now);
    const timeToExpire = seconds(window.start + ttl - now);
    if (window.blockedUntil > now) return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: seconds(window.blockedUntil - now) };
    window.count += 1;
    const overlap = 1 - (now - window.start) / ttl;
    const totalHits = Math.floor(window.previous * overlap) + window.count;
    if (totalHits <= limit) return { totalHits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
    window.blockedUntil = now + blockDuration;
    return { totalHits, timeToExpire, isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
  }

  /** Forgets trackers idle for two windows and no longer blocked (memory stays bounded by active clients). */
  sweep(now = this.now()): void {
    for (const [id, window] of this.windows) {
      if (window.blockedUntil <= now && now - window.start >= 2 * window.ttl) this.windows.delete(id);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private windowAt(id: string, ttl: number, now: number): Window {
    const start = now - (now % ttl);
    const window = this.windows.get(id);
    if (window?.start === start) return window;
    const rolled: Window = { ttl, start, count: 0, previous: window?.start === start - ttl ? window.count : 0, blockedUntil: window?.blockedUntil ?? 0 };
    this.windows.set(id, rolled);
    return rolled;
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
