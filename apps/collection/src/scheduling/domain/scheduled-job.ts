/**
 * A periodic job run by the scheduler. `runOnce` does one pass and reports how many items it
 * changed; it must be idempotent and safe to run on several replicas at once (the scheduler's
 * lease only avoids wasted work, it is not what keeps the data right: unique keys and
 * `FOR UPDATE SKIP LOCKED` in each job are).
 */
export interface ScheduledJob {
  /** Stable name, also the lease key: `<feature>.<what>`. */
  readonly name: string;
  runOnce(now: Date): Promise<number>;
}
