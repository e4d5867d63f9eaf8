import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes what arrives during a write as the next group, answering each caller with its own result', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>(
      async (items) => {
        groups.push(items);
        await new Promise((r) => setTimeout(r, 5));
        return items.map((n) => n * 10);
      },
      { maxGroup: 3 },
    );
    const first = commit.submit(1);
    await Promise.resolve(); // the first write starts alone
    const results = await Promise.all([first, ...[2, 3, 4, 5].map((n) => commit.submit(n))]);
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(groups).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('writes what is submitted in one synchronous run as one group', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => (groups.push(items), items), { maxGroup: 10 });
    await Promise.all([1, 2, 3].map((n) => commit.submit(n)));
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('rejects every item of a failed group, or with retryAlone fails only the item that fails alone', async () => {
    const failing = (items: string[]) =>
      items.length > 1 || items[0] === 'bad' ? Promise.reject(new Error(`failed ${items.join()}`)) : Promise.resolve(items);
    const strict = new GroupCommit<string, string>(failing, { maxGroup: 10 });
    const lenient = new GroupCommit<string, string>(failing, { maxGroup: 10, retryAlone: true });
    const settle = (commit: GroupCommit<string, string>) => Promise.allSettled(['a', 'bad', 'b'].map((item) => commit.submit(item)));
    expect((await settle(strict)).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await settle(lenient)).map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['a', 'rejected', 'b']);
  });

  it('tells when everything submitted so far is written', async () => {
    const written: number[] = [];
    const commit = new GroupCommit<number, undefined>(
      async (items) => {
        await new Promise((r) => setTimeout(r, 5));
        written.push(...items);
        return items.map(() => undefined);
      },
      { maxGroup: 2 },
    );
    await commit.drained(); // idle: at once
    for (const n of [1, 2, 3]) void commit.submit(n);
    await commit.drained();
    expect(written).toEqual([1, 2, 3]);
  });
});
