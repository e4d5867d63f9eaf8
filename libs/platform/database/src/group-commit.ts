interface Pending<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Items written together at most. */
  maxGroup: number;
  /**
   * If a group's write fails, write its items one by one so one bad item cannot fail the others
   * (each then gets its own result or error). Without it every item of the group gets the error.
   */
  retryAlone?: boolean;
}

/**
 * Group commit (ADR 0034): the items submitted while one write is in flight go together in the
 * next one, so under concurrent load one write (one transaction, one WAL flush, a few round
 * trips) serves many callers, and with one caller at a time nothing waits. `submit` resolves
 * only once its item's write has completed — the caller gets the same guarantee as writing alone.
 * `write` receives the items in submission order and returns one result per item, in order.
 */
export class GroupCommit<TItem, TResult> {
  private queue: Pending<TItem, TResult>[] = [];
  private flushing = false;
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly write: (items: TItem[]) => Promise<TResult[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: TItem): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Resolves once nothing is queued or being written (e.g. before the connections close at shutdown). */
  drained(): Promise<void> {
    return this.flushing ? new Promise((resolve) => this.drainWaiters.push(resolve)) : Promise.resolve();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.options.maxGroup);
        try {
          const results = await this.write(group.map((p) => p.item));
          group.forEach((pending, i) => pending.resolve(results[i]));
        } catch (error) {
          if (this.options.retryAlone && group.length > 1) for (const pending of group) await this.writeAlone(pending);
          else for (const pending of group) pending.reject(error);
        }
      }
    } finally {
      this.flushing = false;
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  private async writeAlone(pending: Pending<TItem, TResult>): Promise<void> {
    try {
      const [result] = await this.write([pending.item]);
      pending.resolve(result);
    } catch (error) {
      pending.reject(error);
    }
  }
}
