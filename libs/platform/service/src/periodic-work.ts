import type { Logger } from '@nestjs/common';

export interface PeriodicWorkOptions {
  /**
   * A nudge while a pass runs: `repeat` runs another pass right after it (work may have arrived
   * that the running pass has already looked past); `skip` lets the running pass cover it.
   */
  whileBusy?: 'repeat' | 'skip';
  /** Message logged (with the error) when a pass fails; the next interval tries again. */
  failure?: string;
}

/**
 * Background work every service runs the same way: a pass every interval and on demand, one pass
 * at a time, a failing pass logged rather than fatal, and shutdown waiting for the pass in hand.
 * Leases, cursors and chunking stay with the caller; this only owns the loop.
 */
export class PeriodicWork {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly logger: Pick<Logger, 'error'>,
    private readonly options: PeriodicWorkOptions = {},
  ) {}

  /** True once shutdown began: long passes check it between chunks. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Runs a pass every `intervalMs` (and one now, unless `immediately` is false). */
  start(intervalMs: number, { immediately = true, unref = false }: { immediately?: boolean; unref?: boolean } = {}): void {
    this.timer = setInterval(() => void this.nudge(), intervalMs);
    if (unref) this.timer.unref();
    if (immediately) void this.nudge();
  }

  /** Asks for a pass; resolves when the passes in hand have settled. */
  nudge(): Promise<void> {
    if (this.stopped) return this.running ?? Promise.resolve();
    if (this.running) {
      if (this.options.whileBusy !== 'skip') this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer and waits for the pass in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (error) {
        this.logger.error({ err: error }, this.options.failure ?? 'background pass failed');
      }
    } while (this.again && !this.stopped);
  }
}
