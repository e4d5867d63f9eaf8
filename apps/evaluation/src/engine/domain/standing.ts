import { parseRegionCode, regionContains, regionPrefix } from '@domain/identifiers';
import { chinaDateOf } from '@domain/calendar';
import type { CompiledScheme } from './compile-scheme';
import { cycleContaining, CycleWindow, endOfChinaDay, previousCycle } from './cycle';
import { EvaluationResult, evaluateSubject, RecordFact, SubjectFacts, type SubjectRegistration } from './evaluate';
import type { SchemeDocument } from './scheme-document';

export type { SubjectRegistration };

/** A record with the region it was filed under (for scheme scope). */
export interface ScopedRecordFact extends RecordFact {
  region: string;
}

/** Why a scheme does not grade a subject its kind and regions would put in scope (docs/decisions/0044). */
export type NotApplicableReason = 'sector-unknown' | 'sector-outside';

export type Applicability = { applies: true; region: string } | { applies: false; reason: 'kind' | 'region' | NotApplicableReason };

/**
 * Whether `scheme` grades a subject of `kind` with these records and this registration, and under
 * which region. Region: the region of the latest record (by receipt) filed inside one of the
 * scheme's regions. Withdrawn records still place a subject in scope: when its only record is
 * revoked, its grade must go back, not vanish. A scheme that grades registered subjects (ADR 0051)
 * also takes in a subject with no such record when the registry lists it, active, inside one of
 * its regions: under the registry's region. Sector (a scheme with `sectors`): the registry
 * must list the subject in one of them; a subject the registry does not know is not graded
 * (`sector-unknown`) — a sector-bound scheme never guesses a sector from records (ADR 0044).
 */
export function applicability(
  scheme: SchemeDocument,
  kind: string,
  records: readonly ScopedRecordFact[],
  registration: SubjectRegistration | null,
): Applicability {
  if (!(scheme.subjectKinds as readonly string[]).includes(kind)) return { applies: false, reason: 'kind' };
  const scopes = scheme.regions.map(parseRegionCode).flatMap((r) => (r.ok ? [r.value] : []));
  const inScope = (region: string) => {
    const code = parseRegionCode(region);
    return code.ok && scopes.some((scope) => regionContains(scope, code.value));
  };
  let latest: ScopedRecordFact | undefined;
  for (const record of records) {
    if (!inScope(record.region)) continue;
    if (!latest || Date.parse(record.receivedAt) >= Date.parse(latest.receivedAt)) latest = record;
  }
  const listed = scheme.gradesRegisteredSubjects === true && registration?.active === true && inScope(registration.region);
  const region = latest?.region ?? (listed ? registration!.region : undefined);
  if (!region) return { applies: false, reason: 'region' };
  const sectors = scheme.sectors ?? [];
  if (sectors.length > 0) {
    if (!registration) return { applies: false, reason: 'sector-unknown' };
    if (!registration.sectors.some((sector) => sectors.includes(sector))) return { applies: false, reason: 'sector-outside' };
  }
  return { applies: true, region };
}

/** The region under which `scheme` grades the subject, or undefined when it does not (see `applicability`). */
export function applicableRegion(
  scheme: SchemeDocument,
  kind: string,
  records: readonly ScopedRecordFact[],
  registration: SubjectRegistration | null,
): string | undefined {
  const outcome = applicability(scheme, kind, records, registration);
  return outcome.applies ? outcome.region : undefined;
}

/** Which subjects a bulk scope query (cycle close, refresh, simulation) reads for a scheme. */
export interface SubjectScope {
  kinds: readonly string[];
  regionPatterns: readonly string[];
  /** Also the registry's active subjects of those kinds and regions, with or without records (ADR 0051). */
  registeredSubjects: boolean;
}

/** The bulk scope of one scheme (see `applicability`, which decides per subject). */
export function subjectScope(scheme: SchemeDocument): SubjectScope {
  return { kinds: scheme.subjectKinds, regionPatterns: regionPatterns(scheme), registeredSubjects: scheme.gradesRegisteredSubjects === true };
}

/** SQL LIKE patterns of the scheme's regions (`41%` for 410000, `4101%` for 410100), for bulk scope queries. */
export function regionPatterns(scheme: SchemeDocument): string[] {
  return scheme.regions.map(parseRegionCode).flatMap((r) => (r.ok ? [`${regionPrefix(r.value)}%`] : []));
}

/**
 * The previous cycle's result as its close gave it (seed 002 郑州: "在上一个服务质量信誉考核周期内评定星级为5颗星"
 * is the grade the closed cycle awarded): the subject's grade and score, or `null` when the close graded
 * no such subject. `undefined` (not passed): the previous cycle has not been closed.
 */
export type ClosedPrevious = { grade: string; score: number } | null;

/** The cycle before the one `standingAt` grades: whose close, if any, gives `previous`. */
export function previousCycleOf(scheme: CompiledScheme, at: Date, cycle?: CycleWindow): CycleWindow {
  return previousCycle(scheme.document.cycle, cycle ?? cycleContaining(scheme.document.cycle, chinaDateOf(at)));
}

/**
 * The subject's standing at `at` (records as they stood at that instant): its result in `cycle`
 * (by default the cycle containing `at`; a closed cycle when closing one), with the previous
 * cycle's grade (carry-over, consecutive-cycle triggers). When the previous cycle was closed, that
 * is the grade its close gave (`closedPrevious`; docs/evaluation.md "Carry-over"); otherwise it is computed from the same
 * record history as it stood when that cycle ended, graded without its own previous one (one level
 * of history), and only when the subject had a record by then.
 */
export function standingAt(
  scheme: CompiledScheme,
  subject: SubjectFacts,
  records: readonly RecordFact[],
  at: Date,
  cycle?: CycleWindow,
  closedPrevious?: ClosedPrevious,
): EvaluationResult {
  const window = cycle ?? cycleContaining(scheme.document.cycle, chinaDateOf(at));
  const previous = closedPrevious !== undefined ? closedPrevious : recomputedPrevious(scheme, subject, records, at, window);
  return evaluateSubject(scheme, { subject, records, at, cycle: window, previous });
}

/** The previous cycle's grade computed from the records known when it ended; null when none was. */
function recomputedPrevious(scheme: CompiledScheme, subject: SubjectFacts, records: readonly RecordFact[], at: Date, window: CycleWindow): ClosedPrevious {
  const before = previousCycle(scheme.document.cycle, window);
  const previousEnd = new Date(Math.min(endOfChinaDay(before.end).getTime(), at.getTime()));
  const known = records.some((r) => Date.parse(r.receivedAt) <= previousEnd.getTime());
  if (!known) return null;
  const previous = evaluateSubject(scheme, { subject, records, at: previousEnd, cycle: before });
  return { grade: previous.grade, score: previous.score };
}

/**
 * Records as a period ranking counts them (issue 16; ADR 0045): in the period of their decision
 * date (决定日期), whenever they arrived. A record received after its decision day is taken as
 * known from the start of that day (China time); one received earlier keeps its receipt time.
 * Withdrawals keep their own instant.
 */
export function countedFromDecision<T extends Pick<RecordFact, 'decisionDate' | 'receivedAt'>>(records: readonly T[]): T[] {
  return records.map((record) => {
    const decided = `${record.decisionDate}T00:00:00.000+08:00`;
    return Date.parse(record.receivedAt) > Date.parse(decided) ? { ...record, receivedAt: new Date(decided).toISOString() } : record;
  });
}
