import type { SubjectKind } from '@domain/credit';
import { chinaDateOf } from '@domain/calendar';
import type { CompiledIndicator, CompiledScheme, NumberFn } from './compile-scheme';
import { cycleContaining, CycleWindow, monthsBetween, addMonths } from './cycle';
import { Evaluate, toNumber } from './expressions';
import type { AssessorWeights, IndicatorScoring, PointsScoring } from './scheme-document';

/** A credit record as evaluation sees it, with the instants that bound its life. */
export interface RecordFact {
  id: string;
  type: string;
  severity: string;
  /** YYYY-MM-DD, China date of the decision. */
  decisionDate: string;
  payload: Record<string, unknown>;
  /** When the platform accepted it: before this it did not exist (as-of queries). */
  receivedAt: string;
  /** Revoked, expired or otherwise withdrawn from evaluation from this instant on. */
  withdrawnAt?: string | null;
}

export interface SubjectFacts {
  id: string;
  kind: SubjectKind;
  region: string;
  /** Credit lists the subject is on whatever the date (tests, simulations); see also `listEntries`. */
  lists: readonly string[];
  /**
   * List entries as evaluation knew them at the instant evaluated (joint measures' entries in
   * force): the subject is on `listType` on the days `from`..`until` (inclusive; open when null).
   * `subject.lists` holds the lists in force on the day evaluated.
   */
  listEntries?: readonly ListMembership[];
  /**
   * YYYY-MM-DD the subject registered, given explicitly (tests, simulations). When absent, tenure
   * counts from the registry's date, else from the earliest administrative licence (`tenureStart`).
   */
  registeredOn?: string | null;
  /** The subject registry's entry (ADR 0044); null or absent when the registry does not know the subject. */
  registration?: SubjectRegistration | null;
}

/**
 * What the subject registry (主体库, owned by collection) says about a subject, as evaluation last
 * heard it (`credit.registry.enterprises|drivers.changed`, the highest revision). Drivers have no
 * credit statuses: theirs are false.
 */
export interface SubjectRegistration {
  /** GB/T 2260 code of the registering authority's place. */
  region: string;
  /** Sector codes (@domain/credit SECTORS): an enterprise's licence scope, a driver's qualification. */
  sectors: readonly string[];
  /** Enterprise: registration date; driver: the day the qualification was first held (YYYY-MM-DD). */
  registeredOn: string | null;
  credit: { registered: boolean; committed: boolean; selfAssessed: boolean };
  active: boolean;
  /** A carrier's active vehicles and drivers in the registry (ADR 0053); absent = none known. */
  fleet?: { vehicles: number; drivers: number };
}

export interface ListMembership {
  listType: string;
  /** First day on the list (YYYY-MM-DD). */
  from: string;
  /** Last day on the list (YYYY-MM-DD), or null while open-ended. */
  until: string | null;
}

/** The lists a subject is on, on `date`: the fixed ones and the entries in force that day. */
export function listsOn(subject: SubjectFacts, date: string): string[] {
  const entries = (subject.listEntries ?? []).filter((e) => e.from <= date && (e.until === null || date <= e.until)).map((e) => e.listType);
  return [...new Set([...subject.lists, ...entries])].sort();
}

/** The record type a multi-assessor indicator combines (catalogue v2, seed 004 案例11). */
const ASSESSMENT_RECORD_TYPE = 'credit-assessment';

/** The record type whose earliest instance starts a subject's tenure (catalogue v1). */
const LICENCE_RECORD_TYPE = 'administrative-licence';

/**
 * When a subject's tenure starts, from the best fact the platform has (docs/evaluation.md,
 * "Subject facts"; ADR 0044): a registration date given explicitly, else the subject registry's
 * (an enterprise's registeredOn, a driver's qualifiedOn), else — only for subjects the registry
 * does not date — the earliest administrative
 * licence among the records visible at the evaluated instant — its `validFrom` (the date the
 * licence, e.g. a driver's 从业资格证 or a carrier's 道路运输经营许可证, took effect) or, without
 * one, its decision date. Null when neither is known: no tenure cap applies.
 */
export function tenureStart(subject: SubjectFacts, visibleRecords: readonly Pick<RecordFact, 'type' | 'decisionDate' | 'payload'>[]): string | null {
  if (subject.registeredOn) return subject.registeredOn;
  if (subject.registration?.registeredOn) return subject.registration.registeredOn;
  let earliest: string | null = null;
  for (const record of visibleRecords) {
    if (record.type !== LICENCE_RECORD_TYPE) continue;
    const validFrom = record.payload['validFrom'];
    const start = typeof validFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(validFrom) ? validFrom : record.decisionDate;
    if (earliest === null || start < earliest) earliest = start;
  }
  return earliest;
}

export interface EvaluationInput {
  subject: SubjectFacts;
  records: readonly RecordFact[];
  /** The instant evaluated: now, a past instant (as-of) or the end of a closed cycle. */
  at: Date;
  /** The grade of the previous cycle, when known (carry-over, consecutive-cycle triggers). */
  previous?: { grade: string; score: number } | null;
  /** Evaluate the cycle that contains this date instead of the one containing `at`. */
  cycle?: CycleWindow;
}

export interface ExplanationItem {
  ruleId: string;
  recordId?: string;
  recordType?: string;
  decisionDate?: string;
  points: number;
  basis: string;
  note?: string;
}

export interface AdjustmentApplied {
  id: string;
  effect: string;
  from: string;
  to: string;
  basis: string;
}

export interface EvaluationResult {
  schemeId: string;
  grade: string;
  score: number;
  cycle: CycleWindow;
  explanation: {
    base: number;
    additions: number;
    deductions: number;
    tallies: Record<string, number>;
    items: ExplanationItem[];
    ladder: { grade: string; band: string; condition?: string };
    adjustments: AdjustmentApplied[];
    warnings: string[];
    sources: string[];
  };
  triggers: { id: string; basis: string }[];
}

/**
 * The registry's facts as CEL sees them (`subject.inRegistry`, `.sectors`, `.registered`,
 * `.committed`, `.selfAssessed`, `.active`, and a carrier's fleet `.vehicles`, `.drivers`): false,
 * empty and 0 for a subject the registry does not
 * know. Issue 17's "no records" grading (Shandong: unregistered, uncommitted, not self-assessed → C)
 * builds on them.
 */
function registryFacts(subject: SubjectFacts) {
  const r = subject.registration;
  return {
    inRegistry: !!r,
    sectors: [...(r?.sectors ?? [])],
    registered: r?.credit.registered ?? false,
    committed: r?.credit.committed ?? false,
    selfAssessed: r?.credit.selfAssessed ?? false,
    active: r?.active ?? false,
    vehicles: r?.fleet?.vehicles ?? 0,
    drivers: r?.fleet?.drivers ?? 0,
  };
}

/** Tenure when the registration date is unknown: no tenure cap applies. */
const UNKNOWN_TENURE_MONTHS = 9999;

/**
 * Grades one subject under one compiled scheme. Pure and deterministic: the same scheme, facts
 * and instant give the same result, explanation included (records are taken in id order).
 */
export function evaluateSubject(scheme: CompiledScheme, input: EvaluationInput): EvaluationResult {
  const today = chinaDateOf(input.at);
  const cycle = input.cycle ?? cycleContaining(scheme.document.cycle, today);
  const asOf = cycle.end < today ? cycle.end : today;
  const visible = input.records.filter((r) => isVisible(r, input.at) && r.decisionDate <= asOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const asOfDay = dayNumber(asOf);
  const celRecords = visible.map((r) => ({
    id: r.id,
    type: r.type,
    severity: r.severity,
    decisionDate: r.decisionDate,
    ageDays: asOfDay - dayNumber(r.decisionDate),
    inCycle: r.decisionDate >= cycle.start && r.decisionDate <= cycle.end,
    payload: r.payload,
  }));
  const registeredOn = tenureStart(input.subject, visible);
  const tenureMonths = registeredOn ? monthsBetween(registeredOn, asOf) : UNKNOWN_TENURE_MONTHS;
  const context: Record<string, unknown> = {
    subject: {
      id: input.subject.id,
      kind: input.subject.kind,
      region: input.subject.region,
      lists: listsOn(input.subject, asOf),
      tenureMonths,
      ...registryFacts(input.subject),
    },
    records: celRecords,
    previous: { grade: input.previous?.grade ?? '', score: input.previous?.score ?? 0 },
    cycle: { label: cycle.label, start: cycle.start, end: cycle.end, asOf },
  };
  const warnings: string[] = [];
  const scoring = scheme.document.scoring;
  const tally =
    scoring.kind === 'points'
      ? scorePoints(scheme, scoring, celRecords, context, asOf, warnings)
      : scoreIndicators(scheme, scoring, celRecords, context, warnings);

  const gradeContext = {
    ...context,
    score: tally.score,
    base: tally.base,
    additions: tally.additions,
    deductions: tally.deductions,
    tallies: tally.tallies,
    grade: '',
  };
  const ladder = gradeOnLadder(scheme, tally.score, gradeContext, warnings);
  let grade = ladder.grade;
  const adjustments: AdjustmentApplied[] = [];
  for (const adjustment of scheme.adjustments) {
    if (!test(adjustment.when, { ...gradeContext, grade }, `adjustment ${adjustment.id}`, warnings)) continue;
    const next = adjust(scheme.grades, grade, adjustment.effect, adjustment.grade);
    if (next !== grade) adjustments.push({ id: adjustment.id, effect: adjustment.effect, from: grade, to: next, basis: adjustment.basis });
    grade = next;
  }
  const triggers = scheme.triggers
    .filter((t) => test(t.when, { ...gradeContext, grade }, `trigger ${t.id}`, warnings))
    .map((t) => ({ id: t.id, basis: t.basis }));
  return {
    schemeId: scheme.document.id,
    grade,
    score: tally.score,
    cycle,
    explanation: {
      base: tally.base,
      additions: tally.additions,
      deductions: tally.deductions,
      tallies: tally.tallies,
      items: tally.items,
      ladder,
      adjustments,
      warnings,
      sources: scheme.document.sources,
    },
    triggers,
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, without building a Date (hot in cycle closes). */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function isVisible(record: RecordFact, at: Date): boolean {
  if (Date.parse(record.receivedAt) > at.getTime()) return false;
  return !record.withdrawnAt || Date.parse(record.withdrawnAt) > at.getTime();
}

interface Tally {
  score: number;
  base: number;
  additions: number;
  deductions: number;
  tallies: Record<string, number>;
  items: ExplanationItem[];
}

type CelRecord = Record<string, unknown> & { id: string; type: string; decisionDate: string; inCycle: boolean };

function scorePoints(
  scheme: CompiledScheme,
  scoring: PointsScoring,
  records: CelRecord[],
  context: Record<string, unknown>,
  asOf: string,
  warnings: string[],
): Tally {
  const base = numberOf(scheme.base, context, 'base', warnings);
  const items: ExplanationItem[] = [];
  const tallies: Record<string, number> = {};
  for (const rule of scheme.rules) if (rule.tally) tallies[rule.tally] = 0;
  for (const rule of scheme.rules) {
    const types = new Set<string>(rule.recordTypes);
    const earliest = rule.validity.kind === 'months' ? addMonths(asOf, -rule.validity.months) : undefined;
    let ruleTotal = 0;
    for (const record of records) {
      if (!types.has(record.type)) continue;
      if (rule.validity.kind === 'cycle' ? !record.inCycle : record.decisionDate <= earliest!) continue;
      const recordContext = { ...context, record };
      if (rule.when && !test(rule.when, recordContext, `rule ${rule.id} on record ${record.id}`, warnings)) continue;
      let points = numberOf(rule.points, recordContext, `rule ${rule.id} on record ${record.id}`, warnings);
      let note: string | undefined;
      if (rule.cap !== undefined && Math.abs(ruleTotal + points) > rule.cap) {
        const allowed = Math.sign(points) * Math.max(0, rule.cap - Math.abs(ruleTotal));
        note = `rule cap ${rule.cap} reached: ${points} counted as ${allowed}`;
        points = allowed;
      }
      ruleTotal += points;
      if (rule.tally) tallies[rule.tally]! += Math.abs(points);
      items.push({
        ruleId: rule.id,
        recordId: record.id,
        recordType: record.type,
        decisionDate: record.decisionDate,
        points,
        basis: rule.basis,
        ...(note ? { note } : {}),
      });
    }
  }
  let additions = items.filter((i) => i.points > 0).reduce((sum, i) => sum + i.points, 0);
  const deductions = -items.filter((i) => i.points < 0).reduce((sum, i) => sum + i.points, 0);
  if (scoring.bonusCeiling !== undefined && additions > scoring.bonusCeiling) {
    items.push({ ruleId: 'bonus-ceiling', points: scoring.bonusCeiling - additions, basis: `additions are limited to ${scoring.bonusCeiling} points` });
    additions = scoring.bonusCeiling;
  }
  const raw = base + additions - deductions;
  const score = Math.min(scoring.ceiling, Math.max(scoring.floor, raw));
  if (score !== raw)
    items.push({ ruleId: score > raw ? 'floor' : 'ceiling', points: score - raw, basis: `the score stays within [${scoring.floor}, ${scoring.ceiling}]` });
  return { score, base, additions, deductions, tallies, items };
}

/**
 * Weighted indicators on the scheme's scale: each is worth scale × weight / Σ weights, times its
 * value in [0, 1]. The indicator's own item carries the points it earned; the record lines listed
 * under it (assessor scores, drill-down) show where they came from and are not added again.
 */
function scoreIndicators(scheme: CompiledScheme, scoring: IndicatorScoring, records: CelRecord[], context: Record<string, unknown>, warnings: string[]): Tally {
  const totalWeight = scheme.indicators.reduce((sum, i) => sum + i.weight, 0);
  const items: ExplanationItem[] = [];
  let score = 0;
  for (const indicator of scheme.indicators) {
    const worth = (scoring.scale * indicator.weight) / totalWeight;
    const lines: ExplanationItem[] = [];
    const raw =
      indicator.value.kind === 'formula'
        ? numberOf({ expression: indicator.value.source, evaluate: indicator.value.evaluate }, context, `indicator ${indicator.id}`, warnings)
        : combineAssessments(indicator, indicator.value.weights, records, worth, lines);
    const value = Math.min(1, Math.max(0, raw));
    const points = round(worth * value);
    score += points;
    items.push({
      ruleId: indicator.id,
      points,
      basis: indicator.basis,
      note: `value ${round(value)} × weight ${indicator.weight}/${totalWeight}${value !== raw ? ` (clamped from ${round(raw)})` : ''}`,
    });
    items.push(...lines);
    if (indicator.drillDown) items.push(...drillDownLines(indicator, indicator.drillDown, records, context, worth - points, warnings));
  }
  return { score: round(score), base: 0, additions: 0, deductions: 0, tallies: {}, items };
}

/** Full marks of a `credit-assessment` score (catalogue v2: 百分制). */
const ASSESSMENT_SCALE = 100;

/**
 * The multi-assessor value (scheme-document.ts AssessorWeights), explained line by line: one line
 * per assessment record with the points it brought, one per listed role that did not assess, one
 * per assessment by a role the scheme does not weight.
 */
function combineAssessments(indicator: CompiledIndicator, weights: AssessorWeights, records: CelRecord[], worth: number, lines: ExplanationItem[]): number {
  const byRole = assessmentsByRole(indicator, weights, records, lines);
  const assessedWeight = weights.roles.filter((r) => byRole.has(r.role)).reduce((sum, r) => sum + r.weight, 0);
  const allWeight = weights.roles.reduce((sum, r) => sum + r.weight, 0);
  const denominator = weights.whenMissing === 'reweight' ? assessedWeight : allWeight;
  lines.push(...silentRoleLines(indicator, weights, byRole, denominator));
  if (denominator === 0) {
    lines.push({ ruleId: indicator.id, points: 0, basis: indicator.basis, note: 'no weighted assessor has assessed this cycle: the indicator counts 0' });
    return 0;
  }
  let value = 0;
  for (const { role, weight } of weights.roles) {
    const assessed = byRole.get(role);
    if (!assessed) continue;
    const mean = assessed.reduce((sum, a) => sum + a.score, 0) / assessed.length;
    value += (weight * mean) / ASSESSMENT_SCALE / denominator;
    for (const { record, score } of assessed) {
      const points = round((worth * weight * score) / ASSESSMENT_SCALE / denominator / assessed.length);
      const of = assessed.length > 1 ? `, one of ${assessed.length} (mean ${round(mean)})` : '';
      lines.push(assessmentLine(indicator, record, points, `assessor ${role}: ${score}/${ASSESSMENT_SCALE}${of} × weight ${weight}/${denominator}`));
    }
  }
  return value;
}

/** The cycle's assessments grouped by weighted role; the others are listed with 0 points, "not counted". */
function assessmentsByRole(
  indicator: CompiledIndicator,
  weights: AssessorWeights,
  records: CelRecord[],
  lines: ExplanationItem[],
): Map<string, { record: CelRecord; score: number }[]> {
  const byRole = new Map<string, { record: CelRecord; score: number }[]>();
  const weighted = new Set(weights.roles.map((r) => r.role));
  for (const record of records) {
    if (record.type !== ASSESSMENT_RECORD_TYPE || !record.inCycle) continue;
    const payload = record['payload'] as Record<string, unknown>;
    const role = String(payload['assessorRole']);
    const score = payload['score'];
    if (!weighted.has(role)) {
      lines.push(assessmentLine(indicator, record, 0, `assessor ${role} has no weight in this scheme: not counted`));
    } else if (typeof score !== 'number' || !(score >= 0 && score <= ASSESSMENT_SCALE)) {
      lines.push(assessmentLine(indicator, record, 0, `assessor ${role}: score ${String(score)} is not on 0–${ASSESSMENT_SCALE}: not counted`));
    } else {
      byRole.set(role, [...(byRole.get(role) ?? []), { record, score }]);
    }
  }
  return byRole;
}

/** One line per listed role that has not assessed this cycle, saying what `whenMissing` did with its weight. */
function silentRoleLines(indicator: CompiledIndicator, weights: AssessorWeights, byRole: ReadonlyMap<string, unknown>, denominator: number): ExplanationItem[] {
  return weights.roles
    .filter(({ role }) => !byRole.has(role))
    .map(({ role, weight }) => ({
      ruleId: `${indicator.id}/${role}`,
      points: 0,
      basis: indicator.basis,
      note:
        weights.whenMissing === 'reweight'
          ? `assessor ${role} has not assessed this cycle: its weight ${weight} drops out, the others count over ${denominator} (whenMissing: reweight)`
          : `assessor ${role} has not assessed this cycle: counted as 0 at weight ${weight}/${denominator} (whenMissing: zero)`,
    }));
}

function assessmentLine(indicator: CompiledIndicator, record: CelRecord, points: number, note: string): ExplanationItem {
  const role = String((record['payload'] as Record<string, unknown>)['assessorRole']);
  return {
    ruleId: `${indicator.id}/${role}`,
    recordId: record.id,
    recordType: record.type,
    decisionDate: record.decisionDate,
    points,
    basis: indicator.basis,
    note,
  };
}

/**
 * The records behind an indicator, one line each (seed 004 案例15 四川: "逐级下钻…查看每辆车、每名驾驶员的每一条扣分记录"):
 * each carries an equal share of the points the indicator lost, and names the vehicle or driver
 * the record is about when its payload does.
 */
function drillDownLines(
  indicator: CompiledIndicator,
  drillDown: NonNullable<CompiledIndicator['drillDown']>,
  records: CelRecord[],
  context: Record<string, unknown>,
  lost: number,
  warnings: string[],
): ExplanationItem[] {
  const types = new Set(drillDown.recordTypes);
  const matching = records.filter(
    (record) =>
      types.has(record.type) &&
      record.inCycle &&
      (!drillDown.when || test(drillDown.when, { ...context, record }, `indicator ${indicator.id} drill-down on record ${record.id}`, warnings)),
  );
  const share = matching.length > 0 && lost > 0 ? -round(lost / matching.length) : 0;
  return matching.map((record) => ({
    ruleId: `${indicator.id}/drill-down`,
    recordId: record.id,
    recordType: record.type,
    decisionDate: record.decisionDate,
    points: share,
    basis: indicator.basis,
    note: `one of ${matching.length} records behind ${indicator.id}${whoOf(record)}`,
  }));
}

/** The vehicle (plate) or driver a record's payload names, for the drill-down line. */
function whoOf(record: CelRecord): string {
  const payload = record['payload'] as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof payload['plate'] === 'string')
    parts.push(`vehicle ${payload['plate']}${typeof payload['plateColour'] === 'string' ? ` (${payload['plateColour']})` : ''}`);
  if (typeof payload['driverName'] === 'string')
    parts.push(`driver ${payload['driverName']}${typeof payload['driverCertificate'] === 'string' ? ` (${payload['driverCertificate']})` : ''}`);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

function gradeOnLadder(scheme: CompiledScheme, score: number, context: Record<string, unknown>, warnings: string[]): EvaluationResult['explanation']['ladder'] {
  const inBand = (rung: { min?: number; max?: number }) => (rung.min === undefined || score >= rung.min) && (rung.max === undefined || score < rung.max);
  const band = (rung: { min?: number; max?: number }) => `[${rung.min ?? '-∞'}, ${rung.max ?? '∞'})`;
  for (const rung of scheme.rungs) {
    if (rung.when && inBand(rung) && test(rung.when, context, `ladder rung ${rung.grade}`, warnings))
      return { grade: rung.grade, band: band(rung), condition: rung.whenSource };
  }
  const rung = scheme.rungs.find((r) => !r.when && inBand(r));
  // compileScheme proves the unconditional rungs tile the score range, so this cannot miss.
  if (!rung) throw new Error(`scheme ${scheme.document.id}: score ${score} is on no rung`);
  return { grade: rung.grade, band: band(rung) };
}

/** Grades are ordered best → worst; `at-most` B means "no better than B". */
function adjust(grades: readonly string[], current: string, effect: 'set' | 'at-most' | 'at-least', target: string): string {
  if (effect === 'set') return target;
  const rank = grades.indexOf(current);
  const limit = grades.indexOf(target);
  if (effect === 'at-most') return rank < limit ? target : current;
  return rank > limit ? target : current;
}

/** A condition that fails to evaluate (e.g. a payload field the record lacks) counts as false, with a warning. */
function test(condition: Evaluate, context: Record<string, unknown>, what: string, warnings: string[]): boolean {
  try {
    return condition(context) === true;
  } catch (error) {
    warnings.push(`${what}: ${firstLine(error)} (treated as not met)`);
    return false;
  }
}

function numberOf(fn: NumberFn, context: Record<string, unknown>, what: string, warnings: string[]): number {
  if ('constant' in fn) return fn.constant;
  try {
    const value = toNumber(fn.evaluate(context));
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value;
  } catch (error) {
    warnings.push(`${what}: ${firstLine(error)} (counted as 0)`);
    return 0;
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
