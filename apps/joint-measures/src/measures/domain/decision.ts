import type { CycleGrade } from '../../entry-rules/domain/grade-rule';
import { meetsThreshold, windowStart, type StandingRecord } from '../../entry-rules/domain/entry-rule';
import type { ListEntry } from '../../lists/domain/list-entry';
import { describeProblem, type CheckedItem } from '../../configuration/domain/config-problem';
import type { Measure, MeasureMapping, Scene, Trigger } from './measure-catalogue';
import { gradesInEffect, type RecognisedFrom, type RecognisedGrade } from './recognised-grades';

export type Outcome = 'allow' | 'deny' | 'conditional';

/** Why a measure applies: the list entry, grade or records behind it. */
export type Reason =
  | { kind: 'list-entry'; mappingId: string; entryId: string; listType: string; startsOn: string; endsOn: string | null }
  | { kind: 'grade'; mappingId: string; schemeId: string; cycle: string; grade: string; recognisedFrom?: RecognisedFrom }
  | { kind: 'records'; mappingId: string; recordType: string; recordIds: string[]; count: number };

export interface AppliedMeasure {
  code: string;
  name: string;
  effect: Measure['effect'];
  legalBasis: string;
  mappingId: string;
  source: string;
  value?: { amount: number; unit: string };
}

export interface DecisionFacts {
  /** Entries in force on the day of the decision. */
  entries: readonly ListEntry[];
  /** Records still standing (not revoked, expired or repaired). */
  records: readonly StandingRecord[];
  /** Our latest cycle's grade per scheme. */
  grades: readonly CycleGrade[];
  /** Partners' grades recognised on our schemes' ladders (ADR 0090); used only where we have no grade of ours under the scheme. None when absent. */
  recognisedGrades?: readonly RecognisedGrade[];
}

export interface DecisionQuestion {
  scene: Scene;
  /** Where the question is asked (GB/T 2260); mappings of enclosing regions apply. */
  region: string;
  /** The subject's sectors the question is about (decisionSectors); empty: only mappings for every sector apply. */
  sectors: readonly string[];
  on: string;
}

export interface DecisionResult {
  outcome: Outcome;
  measures: AppliedMeasure[];
  reasons: Reason[];
}

/** 410700 lies within 410000 (province ⊇ city ⊇ county). */
export function regionWithin(region: string, scope: string): boolean {
  const prefix = scope.endsWith('0000') ? scope.slice(0, 2) : scope.endsWith('00') ? scope.slice(0, 4) : scope;
  return region.startsWith(prefix);
}

function applies(mapping: MeasureMapping, q: DecisionQuestion): boolean {
  if (mapping.scene !== q.scene) return false;
  if (mapping.regions.length > 0 && !mapping.regions.some((r) => regionWithin(q.region, r))) return false;
  return mapping.sectors.length === 0 || mapping.sectors.some((s) => q.sectors.includes(s));
}

/** The sectors a decision asks about, or why the request's sector cannot be used. */
export type DecisionSectors = { ok: true; sectors: string[] } | { ok: false; requested: string; registered: readonly string[] };

/**
 * Which of the subject's sectors pick the mappings (ADR 0055). The subject registry is the
 * authority on what a subject is licensed for: when it lists the subject's sectors, a request
 * naming one of them narrows the question to it, a request naming none asks about all of them, and
 * a request naming another sector contradicts the registry and is refused (never silently ignored
 * or believed). A subject the registry does not know, or knows without sectors, is asked about the
 * request's sector, as before the registry existed.
 */
export function decisionSectors(requested: string | null, registered: readonly string[] | null): DecisionSectors {
  if (registered === null || registered.length === 0) return { ok: true, sectors: requested ? [requested] : [] };
  if (!requested) return { ok: true, sectors: [...registered] };
  if (registered.includes(requested)) return { ok: true, sectors: [requested] };
  return { ok: false, requested, registered };
}

/** The reasons a trigger holds on the facts, or none. */
function evidence(mappingId: string, when: Trigger, facts: DecisionFacts, on: string): Reason[] {
  if ('list' in when) {
    return facts.entries
      .filter((e) => e.listType === when.list)
      .map((e) => ({ kind: 'list-entry', mappingId, entryId: e.id, listType: e.listType, startsOn: e.startsOn ?? '', endsOn: e.endsOn }));
  }
  if ('grade' in when) {
    return gradesInEffect(facts.grades, facts.recognisedGrades ?? [])
      .filter((g) => g.schemeId === when.grade.schemeId && when.grade.grades.includes(g.grade))
      .map((g) => ({
        kind: 'grade',
        mappingId,
        schemeId: g.schemeId,
        cycle: g.cycle,
        grade: g.grade,
        ...(g.recognisedFrom ? { recognisedFrom: g.recognisedFrom } : {}),
      }));
  }
  const spec = when.records;
  const from = spec.withinMonths === null ? null : windowStart(on, spec.withinMonths);
  const matching = facts.records.filter(
    (r) =>
      r.standing &&
      r.recordType === spec.recordType &&
      r.decisionDate <= on &&
      (from === null || r.decisionDate >= from) &&
      Object.entries(spec.payload ?? {}).every(([field, c]) => typeof r.payload[field] === 'string' && c.anyOf.includes(r.payload[field] as string)),
  );
  if (!meetsThreshold(matching.length, spec.count)) return [];
  return [{ kind: 'records', mappingId, recordType: spec.recordType, recordIds: matching.map((r) => r.recordId).sort(), count: matching.length }];
}

/**
 * Answers a scene for a subject: every mapping of the scene, place and sector whose trigger holds
 * adds its measure, with the facts behind it as reasons. Any `deny` measure denies; otherwise any
 * `condition` makes the answer conditional; otherwise it is allowed (benefits ride along).
 */
export function decideScene(
  q: DecisionQuestion,
  facts: DecisionFacts,
  measures: ReadonlyMap<string, Measure>,
  mappings: readonly MeasureMapping[],
): DecisionResult {
  const applied: AppliedMeasure[] = [];
  const reasons: Reason[] = [];
  for (const mapping of mappings) {
    if (!applies(mapping, q)) continue;
    const measure = measures.get(mapping.measure);
    if (!measure) continue;
    const found = evidence(mapping.id, mapping.when, facts, q.on);
    if (found.length === 0) continue;
    const value = mapping.value ?? measure.value;
    applied.push({
      code: measure.code,
      name: measure.name,
      effect: measure.effect,
      legalBasis: measure.legalBasis,
      mappingId: mapping.id,
      source: mapping.source,
      ...(value ? { value } : {}),
    });
    reasons.push(...found);
  }
  const outcome: Outcome = applied.some((m) => m.effect === 'deny') ? 'deny' : applied.some((m) => m.effect === 'condition') ? 'conditional' : 'allow';
  return { outcome, measures: applied, reasons };
}

/** A mapping of the scene, place and sector that is not applied, and why (ADR 0043: never silently dead). */
export interface MappingNotApplied {
  mappingId: string;
  status: 'pending' | 'invalid';
  waitingFor: string[];
  problems: string[];
}

/** The mappings that would be asked about here but are pending or invalid. */
export function mappingsNotApplied(q: DecisionQuestion, inactive: readonly CheckedItem<MeasureMapping>[]): MappingNotApplied[] {
  return inactive
    .filter((m) => m.status !== 'active' && applies(m.item, q))
    .map((m) => ({
      mappingId: m.id,
      status: m.status as 'pending' | 'invalid',
      waitingFor: m.waitingFor,
      problems: m.problems.filter((p) => p.code !== 'UNKNOWN_SCHEME').map(describeProblem),
    }));
}
