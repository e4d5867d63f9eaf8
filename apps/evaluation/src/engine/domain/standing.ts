import { parseRegionCode, regionContains, regionPrefix } from '@domain/identifiers';
import { chinaDateOf } from '@domain/calendar';
import type { CompiledScheme } from './compile-scheme';
import { cycleContaining, CycleWindow, endOfChinaDay, previousCycle } from './cycle';
import { EvaluationResult, evaluateSubject, RecordFact, SubjectFacts } from './evaluate';
import type { SchemeDocument } from './scheme-document';

/** A record with the region it was filed under (for scheme scope). */
export interface ScopedRecordFact extends RecordFact {
  region: string;
}

/**
 * The region under which `scheme` applies to a subject of `kind` with these records: the region
 * of the latest record (by receipt) filed inside one of the scheme's regions, or undefined when
 * the scheme does not apply. Withdrawn records still place a subject in scope: when its only
 * record is revoked, its grade must go back, not vanish.
 */
export function applicableRegion(scheme: SchemeDocument, kind: string, records: readonly ScopedRecordFact[]): string | undefined {
  if (!(scheme.subjectKinds as readonly string[]).includes(kind)) return undefined;
  const scopes = scheme.regions.map(parseRegionCode).flatMap((r) => (r.ok ? [r.value] : []));
  const inScope = records.filter((record) => {
    const code = parseRegionCode(record.region);
    return code.ok && scopes.some((scope) => regionContains(scope, code.value));
  });
  return inScope.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt)).at(-1)?.region;
}

/** SQL LIKE patterns of the scheme's regions (`41%` for 410000, `4101%` for 410100), for bulk scope queries. */
export function regionPatterns(scheme: SchemeDocument): string[] {
  return scheme.regions.map(parseRegionCode).flatMap((r) => (r.ok ? [`${regionPrefix(r.value)}%`] : []));
}

/**
 * The subject's standing at `at` (records as they stood at that instant): its result in `cycle`
 * (by default the cycle containing `at`; a closed cycle when closing one), with the previous
 * cycle's grade (carry-over, consecutive-cycle triggers) computed from the same record history
 * as it stood when that cycle ended. The previous cycle is graded without its own previous one
 * (one level of history), and only when the subject had a record by then.
 */
export function standingAt(scheme: CompiledScheme, subject: SubjectFacts, records: readonly RecordFact[], at: Date, cycle?: CycleWindow): EvaluationResult {
  const window = cycle ?? cycleContaining(scheme.document.cycle, chinaDateOf(at));
  const before = previousCycle(scheme.document.cycle, window);
  const previousEnd = new Date(Math.min(endOfChinaDay(before.end).getTime(), at.getTime()));
  const known = records.some((r) => Date.parse(r.receivedAt) <= previousEnd.getTime());
  const previous = known ? evaluateSubject(scheme, { subject, records, at: previousEnd, cycle: before }) : undefined;
  return evaluateSubject(scheme, { subject, records, at, cycle: window, previous: previous ? { grade: previous.grade, score: previous.score } : null });
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
