import { ROAD_TRANSPORT_SECTORS } from '@domain/credit';
import { z } from 'zod';
import { checkedItem, References, type CheckedItem, type SchemeCatalogue } from '../../configuration/domain/config-problem';

/*
 * Random inspection draws (双随机、一公开, DOMAIN.md §4): how many subjects of each grade are
 * drawn, per place and sector. All figures are LOCAL and live in these plans with their source.
 */

const percent = z.number().min(0).max(100);

export const drawPlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,79}$/),
    /** GB/T 2260 code of the place the plan belongs to; pools inside it use it. */
    region: z.string().min(1),
    /** Sectors (@domain/credit SECTORS) whose draws use the plan. */
    sectors: z.array(z.string().min(1)).min(1),
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
    sectors: ['driving-school'],
    schemeId: 'jiyuan-driving-school',
    ladder: ['AAA', 'AA', 'A', 'B'],
    ratios: { AAA: 10, AA: 20, A: 30, B: 50 },
    source: '济源驾培机构：AAA 10%、AA 20%、A 30%、B 50%（DOMAIN.md §4）',
  },
  {
    id: 'hangzhou.road-transport',
    region: '330100',
    sectors: [...ROAD_TRANSPORT_SECTORS],
    schemeId: 'hangzhou-road-transport',
    ladder: ['AA', 'A', 'B', 'C', 'D'],
    ratios: { AA: 10, A: 15, B: 20, C: 25, D: 30 },
    secondDraw: { C: 30, D: 70 },
    source: '杭州：AA 10%、A 15%、B 20%、C 25%、D 30%，再对C级30%、D级70%二次抽取（DOMAIN.md §4）',
  },
  {
    id: 'shandong.road-transport',
    region: '370000',
    sectors: [...ROAD_TRANSPORT_SECTORS],
    schemeId: 'shandong-road-transport',
    ladder: ['AA', 'A', 'B', 'C', 'D'],
    // LOCAL placeholder ratios: the seeds give Shandong's minimum share, not its base ratios.
    ratios: { AA: 5, A: 5, B: 10, C: 20, D: 30 },
    minimumShare: { grade: 'B', share: 50 },
    source: '山东：被抽查企业中B级及以下不少于50%（DOMAIN.md §4）；基础比例为占位配置',
  },
  {
    id: 'puyang.taxi',
    region: '410900',
    sectors: ['taxi'],
    schemeId: 'puyang-taxi-firm',
    ladder: ['AAA', 'AA', 'A', 'B'],
    // LOCAL placeholder ratios: the seed gives the direction (守信者减少、失信者增加检查频次和比例), not the figures.
    ratios: { AAA: 5, AA: 10, A: 20, B: 50 },
    source: '濮阳：对守信者“无事不扰”，减少不必要的检查频次和比例；对失信者“利剑高悬”，增加检查频次和比例（seed 002 案例10）；比例为占位配置',
  },
];

/** The shape of an uploaded set of plans (400 with every field located when malformed). */
export const drawPlanSetSchema = z.array(drawPlanSchema).min(1).max(500);

/**
 * Checks every reference of a set of plans (issue 16 item 2): the region, the sectors, the scheme
 * and every grade the plan names (ladder, ratios, second draw, minimum share) on that scheme's
 * ladder. A plan whose only problem is a scheme not published yet is pending.
 */
export function checkDrawPlans(plans: readonly DrawPlan[], schemes: SchemeCatalogue): CheckedItem<DrawPlan>[] {
  const ids = new Set<string>();
  return plans.map((plan, i) => {
    const at = `plans[${i}]`;
    const refs = new References(schemes);
    if (ids.has(plan.id)) refs.duplicate(`${at}.id`, plan.id);
    ids.add(plan.id);
    refs.region(`${at}.region`, plan.region);
    plan.sectors.forEach((s, j) => refs.sector(`${at}.sectors[${j}]`, s));
    const grades = [
      ...plan.ladder.map((grade, j) => ({ path: `${at}.ladder[${j}]`, grade })),
      ...Object.keys(plan.ratios).map((grade) => ({ path: `${at}.ratios.${grade}`, grade })),
      ...Object.keys(plan.secondDraw ?? {}).map((grade) => ({ path: `${at}.secondDraw.${grade}`, grade })),
      ...(plan.minimumShare ? [{ path: `${at}.minimumShare.grade`, grade: plan.minimumShare.grade }] : []),
    ];
    refs.scheme(`${at}.schemeId`, plan.schemeId, grades);
    // A grade drawn but not on the plan's own ladder would never be drawn (draws run along the ladder).
    for (const g of grades.slice(plan.ladder.length)) {
      if (!plan.ladder.includes(g.grade)) refs.other(g.path, g.grade, 'UNKNOWN_GRADE', `not on the plan's ladder (${plan.ladder.join(', ')})`);
    }
    return checkedItem(plan.id, plan, refs.problems);
  });
}
