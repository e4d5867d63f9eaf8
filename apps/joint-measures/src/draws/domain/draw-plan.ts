import { z } from 'zod';

/*
 * Random inspection draws (双随机、一公开, DOMAIN.md §4): how many subjects of each grade are
 * drawn, per place and sector. All figures are LOCAL and live in these plans with their source.
 */

const percent = z.number().min(0).max(100);

export const drawPlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,79}$/),
    /** GB/T 2260 code of the place the plan belongs to; pools inside it use it. */
    region: z.string().regex(/^\d{6}$/),
    sector: z.string().min(1),
    /** The evaluation scheme whose latest grade sorts the pool. */
    schemeId: z.string().min(1),
    /** Grades from best to worst; draws run in this order, and "B or below" is read on it. */
    ladder: z.array(z.string().min(1)).min(1),
    /** Share of each grade's subjects drawn, in %. A grade not listed is not drawn. */
    ratios: z.record(z.string(), percent),
    /** Hangzhou: a second draw among the subjects of these grades not drawn the first time, in %. */
    secondDraw: z.record(z.string(), percent).optional(),
    /** Shandong: at least `share` % of the drawn subjects at `grade` or below (topped up from the rest). */
    minimumShare: z
      .object({ grade: z.string().min(1), share: z.number().min(1).max(99) })
      .strict()
      .optional(),
    source: z.string().min(1),
  })
  .strict();
export type DrawPlan = z.infer<typeof drawPlanSchema>;

export const SHIPPED_DRAW_PLANS: readonly DrawPlan[] = [
  {
    id: 'jiyuan.driving-school',
    region: '419001',
    sector: 'driving-school',
    schemeId: 'jiyuan-driving-school',
    ladder: ['AAA', 'AA', 'A', 'B'],
    ratios: { AAA: 10, AA: 20, A: 30, B: 50 },
    source: '济源驾培机构：AAA 10%、AA 20%、A 30%、B 50%（DOMAIN.md §4）',
  },
  {
    id: 'hangzhou.road-transport',
    region: '330100',
    sector: 'road-transport',
    schemeId: 'hangzhou-road-transport',
    ladder: ['AA', 'A', 'B', 'C', 'D'],
    ratios: { AA: 10, A: 15, B: 20, C: 25, D: 30 },
    secondDraw: { C: 30, D: 70 },
    source: '杭州：AA 10%、A 15%、B 20%、C 25%、D 30%，再对C级30%、D级70%二次抽取（DOMAIN.md §4）',
  },
  {
    id: 'shandong.road-transport',
    region: '370000',
    sector: 'road-transport',
    schemeId: 'shandong-road-transport',
    ladder: ['AA', 'A', 'B', 'C', 'D'],
    // LOCAL placeholder ratios: the seeds give Shandong's minimum share, not its base ratios.
    ratios: { AA: 5, A: 5, B: 10, C: 20, D: 30 },
    minimumShare: { grade: 'B', share: 50 },
    source: '山东：被抽查企业中B级及以下不少于50%（DOMAIN.md §4）；基础比例为占位配置',
  },
];
