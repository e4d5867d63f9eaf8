/**
 * Delay before the next attempt after `failures` failures in a row: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (half the step fixed, half uniformly random; AWS
 * architecture blog "Exponential Backoff And Jitter"), so replicas and partners recovering
 * together do not retry in step, and a retry never comes at once.
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random, baseMs = 1000, maxMs = 15 * 60_000): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.floor(step / 2 + random() * (step / 2));
}

/** The backoff for a partner: from 1 s, capped at its feed's `maxBackoffSeconds`. */
export function partnerBackoffMs(feed: { maxBackoffSeconds: number }, failures: number): number {
  return backoffDelayMs(failures, Math.random, 1000, feed.maxBackoffSeconds * 1000);
}
