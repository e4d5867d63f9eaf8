import type { LadderTier, RecordTypeCode, SubjectKind } from '@domain/credit';

/**
 * An evaluation scheme (评价方案) as data (DOMAIN.md §3): what a regulator uploads, versions and
 * publishes. Every number that differs by place lives here, never in code. Conditions and
 * formulas are CEL expressions (docs/decisions/0010-evaluation-cel-expressions.md), checked
 * against the variables each position declares (see expressions.ts) when the version is uploaded.
 */
export interface SchemeDocument {
  /** Stable kebab-case id, e.g. `zhengzhou-taxi-driver-stars`; versions share it. */
  id: string;
  name: { zh: string; en: string };
  /** Where the rules come from (document, article); cited in every explanation. */
  sources: string[];
  /** Kinds of subject the scheme grades. */
  subjectKinds: SubjectKind[];
  /**
   * GB/T 2260 codes; a subject is in scope when a record of it was filed under one of them (prefix
   * match), or, with `gradesRegisteredSubjects`, when the registry lists it under one of them.
   */
  regions: string[];
  /**
   * Sector codes of @domain/credit SECTORS the scheme grades (e.g. Henan 两客一危: road-passenger and
   * hazardous-goods). Absent or empty: every sector. Matched against the subject registry.
   */
  sectors?: string[];
  /**
   * Also grade every active subject the registry lists in the scheme's regions (and sectors), with
   * or without records (ADR 0051): for schemes whose rules give a grade to a subject nobody has
   * reported on (Shandong: not registered, committed or self-assessed → C). Absent or false: a
   * subject is in scope only once a record of it was filed under one of the regions.
   */
  gradesRegisteredSubjects?: boolean;
  cycle: CycleSpec;
  scoring: PointsScoring | IndicatorScoring;
  ladder: LadderSpec;
  /** Applied in order after the ladder: vetoes, list overrides, tenure caps, carry-over. */
  adjustments?: Adjustment[];
  /** Named consequences reported with the result (e.g. the bad-driver list trigger); joint measures act on them. */
  triggers?: Trigger[];
  /** Interpretations and assumptions a reviewer should see (e.g. a threshold the source does not give). */
  notes?: string[];
}

export type CycleKind = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'rolling';

export interface CycleSpec {
  kind: CycleKind;
  /** Length of a rolling window in months (rolling only). */
  months?: number;
}

/** A CEL expression, or a plain number where a number is allowed. */
export type NumberOrExpression = number | string;

/** Base score plus additions and deductions per record type (point systems). */
export interface PointsScoring {
  kind: 'points';
  /** Starting score: a number, or CEL (e.g. raised by a commitment, carried over from last cycle). */
  base: NumberOrExpression;
  /** The score never goes below this (e.g. taxi drivers: 0, law 交运规〔2022〕2号). */
  floor: number;
  /** Nor above this. */
  ceiling: number;
  /** Most that all additions together may add (e.g. taxi drivers: +10). */
  bonusCeiling?: number;
  rules: PointRule[];
}

export interface PointRule {
  id: string;
  /** Record types the rule looks at; checked against the collection catalogue's codes. */
  recordTypes: RecordTypeCode[];
  /** CEL over `record` (and the subject-level variables); absent = every record of those types. */
  when?: string;
  /** Points per matching record: positive adds, negative deducts. A number or CEL. */
  points: NumberOrExpression;
  validity: Validity;
  /** Most points (in absolute value) this rule may contribute in total. */
  cap?: number;
  /**
   * Also count the points (as a positive number) into a named tally that ladder conditions,
   * adjustments and triggers read as `tallies['name']` (e.g. Jiangsu's bad-behaviour points).
   */
  tally?: string;
  /** The rule text this implements. */
  basis: string;
}

/** How long a record counts: the current cycle, or N months back from the evaluation date. */
export type Validity = { kind: 'cycle' } | { kind: 'months'; months: number };

/** Weighted indicators normalised to a scale (e.g. Sichuan risk portraits, 1000-point codes). */
export interface IndicatorScoring {
  kind: 'indicators';
  scale: 100 | 1000;
  indicators: Indicator[];
}

/**
 * One weighted indicator. Its value comes from exactly one of `value` (a CEL formula) and
 * `assessments` (several assessor units' scores combined by weight).
 */
export interface Indicator {
  id: string;
  weight: number;
  /** CEL giving a value in [0, 1] (1 = best); values outside are clamped and the clamp is explained. */
  value?: string;
  /** The value is the weighted combination of `credit-assessment` records by assessor role (Fujian). */
  assessments?: AssessorWeights;
  /** Records listed one by one under the indicator in the explanation (drill-down to each vehicle, driver). */
  drillDown?: DrillDown;
  basis: string;
}

/**
 * Multi-assessor scoring (seed 004 案例11 福建: "对各考核单位按其管理职责重要性设置不同评分权重，按权重计算综合得分").
 * Each `credit-assessment` record in the cycle carries `payload.assessorRole` and `payload.score`
 * (0–100, catalogue v2). A role's score is the mean of its assessments in the cycle (one per
 * contract section assessed); the indicator's value is Σ weight × score / 100 over the roles, divided
 * by the weights that count (see `whenMissing`).
 */
export interface AssessorWeights {
  /** The roles that count and their weights; roles are ASSESSOR_ROLES of @domain/credit, each once. */
  roles: { role: string; weight: number }[];
  /**
   * A listed role that has not assessed in the cycle. `reweight`: its weight drops out and the
   * others keep their proportions (the subject is neither punished nor rewarded for an assessor's
   * silence). `zero`: it counts as a score of 0 (the weights stay as published).
   */
  whenMissing: 'reweight' | 'zero';
}

/** Which records an indicator lists line by line (records in the cycle of these types, and `when`). */
export interface DrillDown {
  recordTypes: RecordTypeCode[];
  /** CEL over `record` (and the subject-level variables); absent = every record of those types in the cycle. */
  when?: string;
}

/**
 * The grades a scheme gives (ADR 0050). Either one of the shared ladders by id (GRADE_LADDERS in
 * @domain/credit: `{ id: 'AA-D', rungs }`), or the scheme's own: `{ id, grades, tiers?, rungs }`
 * with any number (≥ 2) of unique grades, best → worst. An own ladder's id must not be a shared
 * id unless its grades are that ladder's.
 */
export interface LadderSpec {
  /** A shared ladder id, or (with `grades`) the id of the scheme's own ladder (kebab-case). */
  id: string;
  /** The scheme's own grades, best → worst; absent = the shared ladder `id`. */
  grades?: string[];
  /** Groups of adjacent grades reported with each grade (e.g. Beijing: 4 tiers of 9 levels); in ladder order, every grade in one. */
  tiers?: LadderTier[];
  rungs: Rung[];
}

/**
 * A score band [min, max) and its grade. Rungs without `when` must cover the score range with no
 * gap and no overlap; a rung with `when` overrides inside its band when the condition holds (e.g.
 * Jiangsu: 40–<60 is B when bad-behaviour points < 20).
 */
export interface Rung {
  grade: string;
  min?: number;
  max?: number;
  when?: string;
}

export interface Adjustment {
  id: string;
  when: string;
  /** `set`: the grade becomes `grade` (veto, list override); `at-most` caps it; `at-least` floors it. */
  effect: 'set' | 'at-most' | 'at-least';
  grade: string;
  basis: string;
}

export interface Trigger {
  id: string;
  when: string;
  basis: string;
}
