import { dailyDrawSeed, drawRemoteInspections, REMOTE_INSPECTION_MIN_PERCENT } from './remote-inspection-draw';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `app-${String(i).padStart(3, '0')}`);

describe("remote inspection draw: at least 10 % of each day's commitment applications (seed 000; seed 002 案例7 新乡)", () => {
  it("the minimum share is the seed's 10 %", () => {
    expect(REMOTE_INSPECTION_MIN_PERCENT).toBe(10);
  });

  it.each([
    [1, 1],
    [9, 1],
    [10, 1],
    [11, 2],
    [100, 10],
    [101, 11],
  ])('%i applications → %i drawn (never under 10 %)', (n, drawn) => {
    expect(drawRemoteInspections(ids(n), 7).drawn).toHaveLength(drawn);
  });

  it('draws nothing from an empty day', () => {
    expect(drawRemoteInspections([], 7)).toMatchObject({ pool: 0, drawn: [] });
  });

  it('is reproducible from the seed and the pool, whatever order the pool came in', () => {
    const pool = ids(50);
    const first = drawRemoteInspections(pool, 20261206);
    expect(drawRemoteInspections([...pool].reverse(), 20261206)).toEqual(first);
    expect(first.drawn.every((id) => pool.includes(id))).toBe(true);
    expect(new Set(first.drawn).size).toBe(first.drawn.length);
  });

  it("refuses a share under the seed's minimum", () => {
    expect(() => drawRemoteInspections(ids(10), 1, 5)).toThrow(RangeError);
  });

  it("a day's seed is fixed by region and day (anyone re-runs it), and differs from day to day and region to region", () => {
    expect(dailyDrawSeed('410100', '2025-12-06')).toBe(dailyDrawSeed('410100', '2025-12-06'));
    expect(dailyDrawSeed('410100', '2025-12-06')).not.toBe(dailyDrawSeed('410100', '2025-12-07'));
    expect(dailyDrawSeed('410100', '2025-12-06')).not.toBe(dailyDrawSeed('410300', '2025-12-06'));
    expect(Number.isInteger(dailyDrawSeed('410100', '2025-12-06'))).toBe(true);
  });
});
