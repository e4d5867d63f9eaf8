import { matchesRecord, windowStart, type ScreeningCriterion, type ScreeningRule, type StandingRecord } from './entry-rule';
import type { CycleGrade } from './grade-rule';

/** What a screening looks at for one subject on the day screened. */
export interface ScreeningFacts {
  records: readonly StandingRecord[];
  /** List types the subject has an entry in force on (the day screened), other than the screening rule's own. */
  openListTypes: readonly string[];
  /** Closed-cycle grades. */
  grades: readonly CycleGrade[];
}

/** A criterion the subject does not meet, with what broke it (for the run's report). */
export interface UnmetCriterion {
  criterion: string;
  detail: string;
}

export interface ScreeningOutcome {
  met: boolean;
  unmet: UnmetCriterion[];
  /** When met: the records the positive criteria counted (the entry's basis), oldest first. */
  basis: StandingRecord[];
}

const byDate = (a: StandingRecord, b: StandingRecord) => a.decisionDate.localeCompare(b.decisionDate) || a.recordId.localeCompare(b.recordId);

/** Matching standing records of the subject decided in the `months` up to `asOf`. */
function inWindow(records: readonly StandingRecord[], match: Parameters<typeof matchesRecord>[0], months: number, asOf: string): StandingRecord[] {
  const from = windowStart(asOf, months);
  return records.filter((r) => matchesRecord(match, r) && r.decisionDate >= from && r.decisionDate <= asOf).sort(byDate);
}

/** The latest closed cycle's grade per scheme. */
function latestGrades(grades: readonly CycleGrade[], schemeIds: readonly string[]): CycleGrade[] {
  const latest = new Map<string, CycleGrade>();
  for (const g of grades) {
    if (!schemeIds.includes(g.schemeId)) continue;
    const known = latest.get(g.schemeId);
    if (!known || g.cycle > known.cycle) latest.set(g.schemeId, g);
  }
  return [...latest.values()];
}

/** One criterion: undefined when it holds, else why not; `counted` collects the records a positive criterion counts. */
function check(criterion: ScreeningCriterion, facts: ScreeningFacts, asOf: string, counted: StandingRecord[]): string | undefined {
  if ('none' in criterion) {
    const found = inWindow(facts.records, criterion.none, criterion.windowMonths, asOf);
    return found.length === 0
      ? undefined
      : `${found.length} ${criterion.none.recordType} since ${windowStart(asOf, criterion.windowMonths)} (latest ${found.at(-1)!.decisionDate})`;
  }
  if ('notOnLists' in criterion) {
    const on = criterion.notOnLists.filter((t) => facts.openListTypes.includes(t));
    return on.length === 0 ? undefined : `on list ${on.join(', ')}`;
  }
  if ('notGraded' in criterion) {
    const hit = latestGrades(facts.grades, criterion.notGraded.schemeIds).filter((g) => criterion.notGraded.grades.includes(g.grade));
    return hit.length === 0 ? undefined : hit.map((g) => `graded ${g.grade} by ${g.schemeId} for ${g.cycle}`).join('; ');
  }
  const found = inWindow(facts.records, criterion.of, criterion.windowMonths, asOf);
  if (found.length < criterion.atLeast)
    return `${found.length} ${criterion.of.recordType} since ${windowStart(asOf, criterion.windowMonths)}, at least ${criterion.atLeast} needed`;
  counted.push(...found);
  return undefined;
}

/**
 * Screens one subject against every criterion of a screening rule on `asOf` (ADR 0052). Every
 * unmet criterion is reported, not only the first, so the owner sees all that keeps a subject off.
 */
export function evaluateScreeningRule(rule: ScreeningRule, facts: ScreeningFacts, asOf: string): ScreeningOutcome {
  const counted: StandingRecord[] = [];
  const unmet: UnmetCriterion[] = [];
  for (const criterion of rule.criteria) {
    const detail = check(criterion, facts, asOf, counted);
    if (detail !== undefined) unmet.push({ criterion: criterion.label, detail });
  }
  const met = unmet.length === 0;
  const basis = met ? [...new Map(counted.map((r) => [r.recordId, r])).values()].sort(byDate) : [];
  return { met, unmet, basis };
}

/** The record types a screening rule reads. */
export function screenedRecordTypes(rule: ScreeningRule): string[] {
  return [...new Set(rule.criteria.flatMap((c) => ('none' in c ? [c.none.recordType] : 'of' in c ? [c.of.recordType] : [])))];
}

/** Whether a subject's region lies in one of the rule's regions (GB/T 2260 prefixes: 320500 covers 320585). */
export function inScreenedRegion(rule: ScreeningRule, region: string): boolean {
  return rule.regions.some((r) => region.startsWith(r.replace(/0+$/, '')));
}
