import { drawInspections, type PoolMember } from './draw';
import { SHIPPED_DRAW_PLANS, drawPlanSchema } from './draw-plan';

const plan = (id: string) => SHIPPED_DRAW_PLANS.find((p) => p.id === id)!;
const pool = (counts: Record<string, number>): PoolMember[] =>
  Object.entries(counts).flatMap(([grade, n]) => Array.from({ length: n }, (_, i) => ({ subjectId: `${grade}-${String(i).padStart(3, '0')}`, grade })));

describe('random inspection draws', () => {
  it('shipped plans are valid', () => {
    for (const p of SHIPPED_DRAW_PLANS) expect(drawPlanSchema.parse(p)).toEqual(p);
  });

  it('Jiyuan: AAA 10 %, AA 20 %, A 30 %, B 50 %, rounded up', () => {
    const result = drawInspections(plan('jiyuan.driving-school'), pool({ AAA: 20, AA: 10, A: 7, B: 3 }), 7);
    expect(result.byGrade).toEqual([
      { grade: 'AAA', pool: 20, drawn: 2 },
      { grade: 'AA', pool: 10, drawn: 2 },
      { grade: 'A', pool: 7, drawn: 3 },
      { grade: 'B', pool: 3, drawn: 2 },
    ]);
    expect(new Set(result.drawn.map((d) => d.subjectId)).size).toBe(result.drawn.length);
  });

  it('reproduces the same draw from the same seed, whatever order the pool comes in, and differs with another seed', () => {
    const members = pool({ AA: 40, A: 40, B: 40, C: 40, D: 40 });
    const a = drawInspections(plan('hangzhou.road-transport'), members, 20261121);
    const b = drawInspections(plan('hangzhou.road-transport'), [...members].reverse(), 20261121);
    const c = drawInspections(plan('hangzhou.road-transport'), members, 20261122);
    expect(b.drawn).toEqual(a.drawn);
    expect(c.drawn.map((d) => d.subjectId)).not.toEqual(a.drawn.map((d) => d.subjectId));
    expect(a.seed).toBe(20261121);
    expect(a.algorithm).toContain('xoroshiro128plus');
  });

  it("Hangzhou's second draw takes C 30 % and D 70 % of those not drawn the first time", () => {
    const result = drawInspections(plan('hangzhou.road-transport'), pool({ AA: 10, A: 20, B: 10, C: 20, D: 10 }), 1);
    const rounds = (grade: string, round: string) => result.drawn.filter((d) => d.grade === grade && d.round === round).length;
    expect([rounds('AA', 'first'), rounds('A', 'first'), rounds('B', 'first'), rounds('C', 'first'), rounds('D', 'first')]).toEqual([1, 3, 2, 5, 3]);
    expect([rounds('C', 'second'), rounds('D', 'second')]).toEqual([5, 5]); // ceil(15 × 30 %), ceil(7 × 70 %)
    expect(rounds('B', 'second')).toBe(0);
  });

  it('Shandong tops the draw up to at least 50 % at B or below', () => {
    const result = drawInspections(plan('shandong.road-transport'), pool({ AA: 100, A: 100, B: 20, C: 2, D: 0 }), 99);
    const low = result.drawn.filter((d) => ['B', 'C', 'D'].includes(d.grade)).length;
    expect(low / result.drawn.length).toBeGreaterThanOrEqual(0.5);
    expect(result.drawn.filter((d) => d.round === 'minimum-share').length).toBeGreaterThan(0);
    // Without enough low subjects it takes all there are rather than inventing any.
    const scarce = drawInspections(plan('shandong.road-transport'), pool({ AA: 100, A: 100, B: 2 }), 99);
    expect(scarce.drawn.filter((d) => d.grade === 'B')).toHaveLength(2);
  });
});
