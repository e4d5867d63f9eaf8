/**
 * The grade scales that evaluation schemes use (DOMAIN.md §3), each ordered best → worst.
 * Schemes are local configuration; the ladders are the shared vocabulary they pick from.
 */
export const GRADE_LADDERS = deepFreeze({
  /** Road and water transport enterprises in most provinces (Shandong, Hangzhou, Fujian, Jiangsu…). */
  'AA-D': ['AA', 'A', 'B', 'C', 'D'],
  /** Drivers and fleets, e.g. Nanyang 3A/2A/A/B, Hebi. */
  'AAA-B': ['AAA', 'AA', 'A', 'B'],
  /** Red/yellow/green codes, e.g. Henan two-passenger-one-hazardous carriers, Jiaozuo. */
  'traffic-light': ['green', 'yellow', 'red'],
  /** 信用长江 (Yangtze shipping). */
  'four-colour': ['green', 'blue', 'yellow', 'red'],
  /** Taxi driver stars (交运规〔2022〕2号 points, local star mapping); "0" means no star. */
  stars: ['5', '4', '3', '2', '1', '0'],
  /** Risk portraits, e.g. Sichuan. */
  risk: ['low', 'medium', 'high'],
} as const);

export type GradeLadderId = keyof typeof GRADE_LADDERS;
export type GradeOf<L extends GradeLadderId> = (typeof GRADE_LADDERS)[L][number];
export type Grade = GradeOf<GradeLadderId>;

export const GRADE_LADDER_IDS = Object.freeze(Object.keys(GRADE_LADDERS) as GradeLadderId[]);

export function isGradeLadderId(value: string): value is GradeLadderId {
  return Object.hasOwn(GRADE_LADDERS, value);
}

export function isGradeOf<L extends GradeLadderId>(ladder: L, value: string): value is GradeOf<L> {
  return (GRADE_LADDERS[ladder] as readonly string[]).includes(value);
}

/** Position on the ladder, 0 = best. */
export function gradeRank<L extends GradeLadderId>(ladder: L, grade: GradeOf<L>): number {
  const rank = (GRADE_LADDERS[ladder] as readonly string[]).indexOf(grade);
  if (rank < 0) throw new RangeError(`"${grade}" is not a grade of ladder ${ladder}`);
  return rank;
}

/**
 * Negative when `a` is better than `b`, positive when worse, 0 when equal, so that
 * `grades.sort((a, b) => compareGrades(ladder, a, b))` puts the best first.
 */
export function compareGrades<L extends GradeLadderId>(ladder: L, a: GradeOf<L>, b: GradeOf<L>): number {
  return gradeRank(ladder, a) - gradeRank(ladder, b);
}

/**
 * A group of adjacent grades reported with each of them (e.g. Beijing's 四等九级: four tiers 优/良/中/差
 * grouping nine levels). `name` is what people read (Chinese).
 */
export interface LadderTier {
  name: string;
  /** Its grades, best first; adjacent on the ladder. */
  grades: readonly string[];
}

/**
 * A ladder as a scheme uses it (ADR 0050): one of the shared GRADE_LADDERS, or a scheme's own ladder
 * of any length (≥ 2 grades, best → worst), optionally grouped into tiers.
 */
export interface Ladder {
  id: string;
  grades: readonly string[];
  tiers?: readonly LadderTier[];
}

/** The tier a grade of `ladder` is in; undefined when the ladder has no tiers or the grade is in none. */
export function tierOf(ladder: Pick<Ladder, 'tiers'>, grade: string): string | undefined {
  return ladder.tiers?.find((tier) => tier.grades.includes(grade))?.name;
}

function deepFreeze<T extends Record<string, readonly string[]>>(ladders: T): T {
  for (const grades of Object.values(ladders)) Object.freeze(grades);
  return Object.freeze(ladders);
}

const GRADE_LABELS_ZH: Readonly<Record<string, string>> = Object.freeze({
  // Colour codes (red/yellow/green, 信用长江 four colours): 绿码 etc. as the seeds name them.
  green: '绿码',
  blue: '蓝码',
  yellow: '黄码',
  red: '红码',
  // Risk portraits (Sichuan).
  low: '低风险',
  medium: '中风险',
  high: '高风险',
  // Stars (taxi drivers, bus captains): "0" is no star (交运规〔2022〕2号 points ≤ 0 or the bad-driver list).
  '5': '五星',
  '4': '四星',
  '3': '三星',
  '2': '二星',
  '1': '一星',
  '0': '无星',
});

/**
 * How a person reads a grade (portal, credit report): colours, risk levels and stars in Chinese;
 * letter grades (AA, A, 3A…) and a scheme's own levels as they are written.
 */
export function gradeLabelZh(grade: string): string {
  return Object.hasOwn(GRADE_LABELS_ZH, grade) ? GRADE_LABELS_ZH[grade] : grade;
}
