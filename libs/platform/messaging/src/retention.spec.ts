import { longestRedeliveryMs, retentionProblem } from './retention';

describe('messaging retention bounds (ADR 0072)', () => {
  // JetStream duplicate window: 2 minutes (streams.ts). Default consumer: 5 deliveries, each up to
  // a 30 s ack wait plus the longest back-off of 30 s (inbox-consumer.ts): 5 × 60 s = 300 s.
  const DEFAULT_LONGEST = 5 * (30_000 + 30_000);

  it('derives the longest redelivery from max deliveries, ack wait and the longest back-off', () => {
    expect(longestRedeliveryMs({})).toBe(DEFAULT_LONGEST);
    expect(longestRedeliveryMs({ maxDeliver: 3, ackWaitMs: 2000 })).toBe(3 * (2000 + 30_000));
  });

  it('refuses a retention inside the duplicate window', () => {
    expect(retentionProblem(2 * 60_000)).toMatch(/duplicate window/);
  });

  it('refuses a retention no longer than the default consumer’s longest redelivery', () => {
    expect(retentionProblem(DEFAULT_LONGEST)).toMatch(/longest redelivery of default consumer/);
    expect(retentionProblem(DEFAULT_LONGEST + 1)).toBeUndefined();
  });

  it('refuses a retention shorter than a consumer that redelivers for longer, naming it', () => {
    const slow = { durable: 'evaluation-slow', maxDeliver: 20, ackWaitMs: 60_000 };
    // 20 × (60 s + 30 s) = 30 min: a 20-minute retention is too short for it, though long enough for the default.
    expect(retentionProblem(20 * 60_000, [slow])).toMatch(/evaluation-slow \(1800000 ms\)/);
    expect(retentionProblem(7 * 24 * 3600_000, [slow])).toBeUndefined();
  });
});
