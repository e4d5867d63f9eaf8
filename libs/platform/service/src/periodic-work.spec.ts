import { PeriodicWork } from './periodic-work';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PeriodicWork', () => {
  const logger = { error: jest.fn() };

  it('runs one pass at a time and repeats once for nudges that came during it', async () => {
    const gate = deferred();
    let passes = 0;
    const work = new PeriodicWork(async () => {
      passes += 1;
      if (passes === 1) await gate.promise;
    }, logger);
    const first = work.nudge();
    void work.nudge();
    void work.nudge();
    gate.resolve();
    await first;
    expect(passes).toBe(2);
  });

  it('lets the running pass cover a nudge when asked to skip', async () => {
    const gate = deferred();
    let passes = 0;
    const work = new PeriodicWork(
      async () => {
        passes += 1;
        await gate.promise;
      },
      logger,
      { whileBusy: 'skip' },
    );
    const first = work.nudge();
    void work.nudge();
    gate.resolve();
    await first;
    expect(passes).toBe(1);
  });

  it('logs a failing pass and keeps going; stop waits for the pass in hand and ends the loop', async () => {
    const gate = deferred();
    let passes = 0;
    const work = new PeriodicWork(
      async () => {
        passes += 1;
        if (passes === 1) throw new Error('database went away');
        await gate.promise;
      },
      logger,
      { failure: 'sweep failed' },
    );
    await work.nudge();
    expect(logger.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'sweep failed');
    const second = work.nudge();
    const stopped = work.stop();
    expect(work.stopping).toBe(true);
    gate.resolve();
    await Promise.all([second, stopped]);
    await work.nudge();
    expect(passes).toBe(2);
  });
});
