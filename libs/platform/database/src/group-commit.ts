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
 * Group commit (ADR 0034): the items submitted while a write is in flight go together in the
 * next one, so under concurrent load one write (one transaction, one WAL flush, a few round
 * trips; or one call) serves many callers, and with one caller at a time nothing waits. `submit`
 * resolves only once its item's write has completed — the caller gets the same guarantee as
 * writing alone. `write` receives the items in submission order and returns one result per item,
 * in order. A write starts once the current synchronous run is over (a microtask), so items
 * submitted together — e.g. the items of one coalesced call (ADR 0038) — go in one write.
 */
export class GroupCommit<TItem, TResult> {
  private queue: Pending<TItem, TResult>[] = [];
  private writing = false;
  private startScheduled = false;
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly write: (items: TItem[]) => Promise<TResult[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: TItem): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.scheduleStart();
    });
  }

  /** Resolves once nothing is queued or being written (e.g. before the connections close at shutdown). */
  drained(): Promise<void> {
    return this.idle() ? Promise.resolve() : new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private idle(): boolean {
    return this.queue.length === 0 && !this.writing && !this.startScheduled;
  }

  private scheduleStart(): void {
    if (this.startScheduled || this.writing) return;
    this.startScheduled = true;
    queueMicrotask(() => {
      this.startScheduled = false;
      this.startWrites();
    });
  }

  private startWrites(): void {
    if (this.queue.length === 0 || this.writing) return;
    this.writing = true;
    void this.writeGroup(this.queue.splice(0, this.options.maxGroup)).finally(() => {
      this.writing = false;
      this.startWrites();
      if (this.idle()) for (const resolve of this.drainWaiters.splice(0)) resolve();
    });
  }

  private async writeGroup(group: Pending<TItem, TResult>[]): Promise<void> {
    try {
      const results = await this.write(group.map((p) => p.item));
      group.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (this.options.retryAlone && group.length > 1) for (const pending of group) await this.writeAlone(pending);
      else for (const pending of group) pending.reject(error);
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
