import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import {
  ASSESSOR_ROLES,
  GRADE_LADDERS,
  GRADE_LADDER_IDS,
  isAssessorRole,
  isGradeLadderId,
  isRecordTypeCode,
  isSector,
  type Ladder,
  SECTORS,
} from '@domain/credit';
import { compileExpression, Evaluate, ExpectedType, ExpressionScope } from './expressions';
import type { Adjustment, AssessorWeights, Indicator, LadderSpec, PointRule, Rung, SchemeDocument, Trigger, Validity } from './scheme-document';
import { SCHEME_DOCUMENT_SCHEMA } from './scheme-document.schema';

/** One problem in an uploaded scheme, with the JSON path of the offending value. */
export interface SchemeProblem {
  field: string;
  code: string;
  message: string;
}

/** A scheme ready to run: every expression parsed and type-checked once. */
export interface CompiledScheme {
  document: SchemeDocument;
  /** The scheme's ladder: a shared one or its own (ADR 0050). */
  ladder: Ladder;
  /** `ladder.grades`, best first. */
  grades: readonly string[];
  base: NumberFn;
  rules: CompiledRule[];
  indicators: CompiledIndicator[];
  rungs: CompiledRung[];
  adjustments: CompiledAdjustment[];
  triggers: CompiledTrigger[];
}

export type NumberFn = { constant: number } | { expression: string; evaluate: Evaluate };
export interface CompiledRule extends Omit<PointRule, 'when' | 'points'> {
  when?: Evaluate;
  whenSource?: string;
  points: NumberFn;
  validity: Validity;
}
/** An indicator's value: a compiled CEL formula, or the weights of several assessors (multi-assessor). */
export type IndicatorValue = { kind: 'formula'; evaluate: Evaluate; source: string } | { kind: 'assessments'; weights: AssessorWeights };
export interface CompiledIndicator extends Omit<Indicator, 'value' | 'assessments' | 'drillDown'> {
  value: IndicatorValue;
  drillDown?: { recordTypes: readonly string[]; when?: Evaluate };
}
export interface CompiledRung extends Omit<Rung, 'when'> {
  when?: Evaluate;
  whenSource?: string;
}
export interface CompiledAdjustment extends Omit<Adjustment, 'when'> {
  when: Evaluate;
  whenSource: string;
}
export interface CompiledTrigger extends Omit<Trigger, 'when'> {
  when: Evaluate;
  whenSource: string;
}

export type CompileResult = { ok: true; scheme: CompiledScheme } | { ok: false; problems: SchemeProblem[] };

/** The kinds of subject the subject registry lists (enterprises and drivers, ADR 0044). */
const REGISTRY_KINDS = ['org', 'person'] as const;

const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
const validateShape = ajv.compile<SchemeDocument>(SCHEME_DOCUMENT_SCHEMA);

/**
 * Validates and compiles a scheme document. Every problem is reported (not only the first), each
 * with its location: `scoring.rules[2].when` plus the column inside the expression.
 */
export function compileScheme(input: unknown): CompileResult {
  if (!validateShape(input)) return { ok: false, problems: shapeProblems(validateShape.errors ?? []) };
  const document = input;
  const problems: SchemeProblem[] = [];
  const compile = (field: string, source: string, scope: ExpressionScope, expected: ExpectedType): Evaluate => {
    const compiled = compileExpression(source, scope, expected);
    if (compiled.ok) return compiled.evaluate;
    problems.push({ field, code: compiled.problem.code, message: `column ${compiled.problem.column}: ${compiled.problem.message}` });
    return () => undefined;
  };
  const number = (field: string, value: number | string, scope: ExpressionScope): NumberFn =>
    typeof value === 'number' ? { constant: value } : { expression: value, evaluate: compile(field, value, scope, 'number') };

  const ladder = resolveLadder(document.ladder, problems);
  const grades = ladder.grades;
  const checkGrade = (field: string, grade: string) => {
    // An unknown ladder is reported once (ladder.id), not once per grade naming it.
    if (grades.length > 0 && !grades.includes(grade))
      problems.push({ field, code: 'UNKNOWN_GRADE', message: `"${grade}" is not a grade of ladder ${ladder.id} (${grades.join(', ')})` });
  };
  checkDuplicateIds(document, problems);
  (document.sectors ?? []).forEach((sector, i) => {
    if (!isSector(sector)) problems.push({ field: `sectors[${i}]`, code: 'UNKNOWN_SECTOR', message: `"${sector}" is not a sector (${SECTORS.join(', ')})` });
  });
  if (document.gradesRegisteredSubjects && !document.subjectKinds.some((kind) => (REGISTRY_KINDS as readonly string[]).includes(kind))) {
    problems.push({
      field: 'gradesRegisteredSubjects',
      code: 'NO_REGISTRY_KIND',
      message: `the subject registry lists ${REGISTRY_KINDS.join(' and ')} subjects only; subjectKinds names neither`,
    });
  }

  const scoring = document.scoring;
  const rules: CompiledRule[] = [];
  const indicators: CompiledIndicator[] = [];
  let base: NumberFn = { constant: 0 };
  let range: [number, number];
  if (scoring.kind === 'points') {
    if (scoring.floor > scoring.ceiling)
      problems.push({ field: 'scoring.floor', code: 'RANGE_EMPTY', message: `floor ${scoring.floor} is above ceiling ${scoring.ceiling}` });
    base = number('scoring.base', scoring.base, 'subject');
    range = [scoring.floor, scoring.ceiling];
    scoring.rules.forEach((rule, i) => {
      const at = `scoring.rules[${i}]`;
      rule.recordTypes.forEach((code, j) => {
        if (!isRecordTypeCode(code))
          problems.push({ field: `${at}.recordTypes[${j}]`, code: 'UNKNOWN_RECORD_TYPE', message: `"${code}" is not a record type of the catalogue` });
      });
      const { when, points, ...rest } = rule;
      rules.push({
        ...rest,
        when: when === undefined ? undefined : compile(`${at}.when`, when, 'record', 'bool'),
        whenSource: when,
        points: number(`${at}.points`, points, 'record'),
      });
    });
  } else {
    range = [0, scoring.scale];
    scoring.indicators.forEach((indicator, i) => {
      const at = `scoring.indicators[${i}]`;
      const { value, assessments, drillDown, ...rest } = indicator;
      const checkCodes = (codes: readonly string[]) =>
        codes.forEach((code, j) => {
          if (!isRecordTypeCode(code))
            problems.push({
              field: `${at}.drillDown.recordTypes[${j}]`,
              code: 'UNKNOWN_RECORD_TYPE',
              message: `"${code}" is not a record type of the catalogue`,
            });
        });
      if ((value === undefined) === (assessments === undefined))
        problems.push({ field: at, code: 'INDICATOR_VALUE', message: 'give exactly one of value (a CEL formula) and assessments (assessor weights)' });
      if (assessments) problems.push(...assessorWeightProblems(`${at}.assessments`, assessments));
      if (drillDown) checkCodes(drillDown.recordTypes);
      indicators.push({
        ...rest,
        value:
          value !== undefined
            ? { kind: 'formula', evaluate: compile(`${at}.value`, value, 'subject', 'number'), source: value }
            : { kind: 'assessments', weights: assessments! },
        ...(drillDown
          ? {
              drillDown: {
                recordTypes: drillDown.recordTypes,
                when: drillDown.when === undefined ? undefined : compile(`${at}.drillDown.when`, drillDown.when, 'record', 'bool'),
              },
            }
          : {}),
      });
    });
  }

  const rungs = document.ladder.rungs.map((rung, i): CompiledRung => {
    checkGrade(`ladder.rungs[${i}].grade`, rung.grade);
    if (rung.min !== undefined && rung.max !== undefined && rung.min >= rung.max) {
      problems.push({ field: `ladder.rungs[${i}]`, code: 'LADDER_EMPTY_BAND', message: `min ${rung.min} is not below max ${rung.max}` });
    }
    const { when, ...rest } = rung;
    return { ...rest, when: when === undefined ? undefined : compile(`ladder.rungs[${i}].when`, when, 'grade', 'bool'), whenSource: when };
  });
  problems.push(...ladderCoverageProblems(document.ladder.rungs, range));

  const adjustments = (document.adjustments ?? []).map((adjustment, i): CompiledAdjustment => {
    checkGrade(`adjustments[${i}].grade`, adjustment.grade);
    return { ...adjustment, when: compile(`adjustments[${i}].when`, adjustment.when, 'grade', 'bool'), whenSource: adjustment.when };
  });
  const triggers = (document.triggers ?? []).map((trigger, i): CompiledTrigger => ({
    ...trigger,
    when: compile(`triggers[${i}].when`, trigger.when, 'grade', 'bool'),
    whenSource: trigger.when,
  }));

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scheme: { document, ladder, grades, base, rules, indicators, rungs, adjustments, triggers } };
}

/**
 * The ladder a scheme grades on (ADR 0050): the shared ladder its id names, or its own grades.
 * Own grades must be unique, and an own ladder may reuse a shared id only with that ladder's grades
 * (else two schemes would announce different grades under one id). Tiers, when declared, must
 * put every grade in exactly one tier, in ladder order.
 */
export function resolveLadder(spec: LadderSpec, problems: SchemeProblem[]): Ladder {
  const shared = isGradeLadderId(spec.id) ? (GRADE_LADDERS[spec.id] as readonly string[]) : undefined;
  let grades: readonly string[];
  if (spec.grades === undefined) {
    if (!shared) {
      const known = GRADE_LADDER_IDS.join(', ');
      problems.push({
        field: 'ladder.id',
        code: 'UNKNOWN_LADDER',
        message: `"${spec.id}" is not a shared ladder (${known}); a scheme's own ladder lists its grades`,
      });
    }
    grades = shared ?? [];
  } else {
    grades = spec.grades;
    spec.grades.forEach((grade, i) => {
      if (spec.grades!.indexOf(grade) < i)
        problems.push({ field: `ladder.grades[${i}]`, code: 'DUPLICATE_GRADE', message: `"${grade}" is on the ladder twice` });
    });
    if (shared && !sameGrades(shared, spec.grades)) {
      problems.push({
        field: 'ladder.id',
        code: 'LADDER_SHADOWS_SHARED',
        message: `"${spec.id}" is a shared ladder (${shared.join(', ')}); a ladder with other grades needs an id of its own`,
      });
    }
  }
  // Tiers of an unknown ladder are not checked: the id is the one problem to report.
  if (spec.tiers !== undefined && grades.length > 0) problems.push(...tierProblems(spec.tiers, grades));
  return spec.tiers === undefined ? { id: spec.id, grades } : { id: spec.id, grades, tiers: spec.tiers };
}

function sameGrades(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((grade, i) => grade === b[i]);
}

function tierProblems(tiers: NonNullable<LadderSpec['tiers']>, grades: readonly string[]): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const seen = new Set<string>();
  tiers.forEach((tier, i) => {
    tier.grades.forEach((grade, j) => {
      const field = `ladder.tiers[${i}].grades[${j}]`;
      if (!grades.includes(grade)) problems.push({ field, code: 'UNKNOWN_GRADE', message: `"${grade}" is not a grade of the ladder (${grades.join(', ')})` });
      else if (seen.has(grade)) problems.push({ field, code: 'DUPLICATE_GRADE', message: `"${grade}" is in two tiers` });
      seen.add(grade);
    });
  });
  const missing = grades.filter((grade) => !seen.has(grade));
  if (missing.length > 0)
    problems.push({ field: 'ladder.tiers', code: 'TIER_MISSING_GRADE', message: `${missing.join(', ')} in no tier: every grade is in one` });
  const inTierOrder = tiers.flatMap((tier) => tier.grades);
  if (problems.length === 0 && !sameGrades(inTierOrder, grades)) {
    problems.push({ field: 'ladder.tiers', code: 'TIER_ORDER', message: `tiers must group adjacent grades in ladder order (${grades.join(', ')})` });
  }
  return problems;
}

/**
 * The unconditional rungs must tile the score range [low, high]: sorted by `min`, each band starts
 * where the previous one ends. A gap leaves scores without a grade; an overlap gives two.
 */
export function ladderCoverageProblems(rungs: readonly Rung[], [low, high]: [number, number]): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const bands = rungs
    .map((rung, index) => ({ index, min: rung.min ?? -Infinity, max: rung.max ?? Infinity, conditional: rung.when !== undefined }))
    .filter((band) => !band.conditional)
    .sort((a, b) => a.min - b.min);
  const at = (i: number) => `ladder.rungs[${i}]`;
  const first = bands[0];
  const last = bands.at(-1);
  if (!first || !last) return [{ field: 'ladder.rungs', code: 'LADDER_GAP', message: 'no unconditional rung: some scores would have no grade' }];
  if (first.min > low) problems.push({ field: at(first.index), code: 'LADDER_GAP', message: `scores from ${low} to below ${first.min} have no grade` });
  if (last.max <= high) problems.push({ field: at(last.index), code: 'LADDER_GAP', message: `scores from ${last.max} to ${high} have no grade` });
  for (let i = 1; i < bands.length; i += 1) {
    const previous = bands[i - 1]!;
    const band = bands[i]!;
    if (band.min > previous.max)
      problems.push({ field: at(band.index), code: 'LADDER_GAP', message: `scores from ${previous.max} to below ${band.min} have no grade` });
    if (band.min < previous.max) {
      problems.push({
        field: at(band.index),
        code: 'LADDER_OVERLAP',
        message: `band [${band.min}, ${band.max}) overlaps ${at(previous.index)} [${previous.min}, ${previous.max})`,
      });
    }
  }
  return problems;
}

/** Each role once, and one of ASSESSOR_ROLES (the roles a `credit-assessment` record may name). */
function assessorWeightProblems(at: string, weights: AssessorWeights): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const seen = new Set<string>();
  weights.roles.forEach(({ role }, i) => {
    if (!isAssessorRole(role))
      problems.push({
        field: `${at}.roles[${i}].role`,
        code: 'UNKNOWN_ASSESSOR_ROLE',
        message: `"${role}" is not an assessor role (${ASSESSOR_ROLES.join(', ')})`,
      });
    if (seen.has(role)) problems.push({ field: `${at}.roles[${i}].role`, code: 'DUPLICATE_ID', message: `"${role}" is weighted twice` });
    seen.add(role);
  });
  return problems;
}

function checkDuplicateIds(document: SchemeDocument, problems: SchemeProblem[]): void {
  const groups: [string, { id: string }[]][] = [
    ['adjustments', document.adjustments ?? []],
    ['triggers', document.triggers ?? []],
    ['scoring.rules', document.scoring.kind === 'points' ? document.scoring.rules : []],
    ['scoring.indicators', document.scoring.kind === 'indicators' ? document.scoring.indicators : []],
  ];
  for (const [path, items] of groups) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ field: `${path}[${i}].id`, code: 'DUPLICATE_ID', message: `"${item.id}" is used twice` });
      seen.add(item.id);
    });
  }
}

function shapeProblems(errors: ErrorObject[]): SchemeProblem[] {
  // oneOf/anyOf report every branch; keep the most specific messages, once each.
  const seen = new Set<string>();
  const problems: SchemeProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const path = error.instancePath
      .split('/')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    let field = path;
    let code = `SCHEMA_${error.keyword.toUpperCase()}`;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'additionalProperties') {
      field = [path, String(error.params['additionalProperty'])].filter(Boolean).join('.');
      code = 'UNKNOWN_FIELD';
      message = 'is not a field of a scheme document here';
    } else if (error.keyword === 'required') {
      field = [path, String(error.params['missingProperty'])].filter(Boolean).join('.');
      message = 'is required';
    }
    const key = `${field}|${code}|${message}`;
    if (!seen.has(key)) problems.push({ field: field || '(document)', code, message });
    seen.add(key);
  }
  return problems;
}
