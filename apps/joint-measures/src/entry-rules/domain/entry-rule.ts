import { addDays, addMonths } from '@domain/calendar';
import { isCreditListType, SEVERITIES, SUBJECT_KINDS, type CreditListType, type Severity, type SubjectKind } from '@domain/credit';
import { DomainError } from '@platform/errors';
import { z } from 'zod';
import { checkedItem, References, type CheckedItem, type SchemeCatalogue } from '../../configuration/domain/config-problem';
import { EntryRuleErrorCode } from './entry-rule-errors';

/*
 * Entry rules are data (DOMAIN.md §4): which records or grades put a subject on a list. A rule is
 * a declarative document checked by zod, not an expression language: the shipped triggers are all
 * "count the matching records in a window against a threshold" or "grades over cycles", and a
 * closed shape can be validated completely at upload (an unknown record type is refused there).
 *
 * Thresholds say which comparison they mean: Chinese statutes' "超过 X" is strictly greater than X
 * (`moreThan`), "X 以上 / 达到 X" is at least X (`atLeast`).
 */

const threshold = z.union([z.object({ moreThan: z.number().int().min(0) }).strict(), z.object({ atLeast: z.number().int().min(1) }).strict()]);

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).max(200),
  /** The statute or local document the rule comes from, quoted in the notice letter. */
  legalBasis: z.string().min(1).max(500),
  /** law: national rule; local: a province's or city's configuration. */
  scope: z.enum(['law', 'local']),
  /** A credit list type (@domain/credit CREDIT_LIST_TYPES), checked by checkEntryRules. */
  listType: z.string().min(1),
  subjectKinds: z.array(z.enum(SUBJECT_KINDS)).min(1),
  /** Months an entry made by this rule lasts; omitted: the list's default; null: until removed. */
  durationMonths: z.number().int().min(1).max(120).nullable().optional(),
};

/**
 * One payload field's condition: a text that is one of `anyOf`, a text containing `includes`, or
 * a yes/no field that `is` true or false (e.g. a ship safety inspection's `detained`). A field the
 * record does not carry, or of another JSON type, never matches: absent is not `false`.
 */
const payloadCondition = z.union([
  z.object({ anyOf: z.array(z.string()).min(1) }).strict(),
  z.object({ includes: z.string().min(1) }).strict(),
  z.object({ is: z.boolean() }).strict(),
]);

const recordMatch = z
  .object({
    recordType: z.string().min(1),
    severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
    /** Payload fields and their conditions; a list field (e.g. a penalty's `penaltyCategories`) matches when any of its items does. */
    payload: z.record(z.string().min(1), payloadCondition).optional(),
  })
  .strict();

export const recordCountRuleSchema = z
  .object({
    ...common,
    kind: z.literal('record-count'),
    match: recordMatch,
    /** Records decided in the last N months up to the day of evaluation; null: every record still standing. */
    windowMonths: z.number().int().min(1).max(120).nullable(),
    threshold,
  })
  .strict();

export const gradeRuleSchema = z
  .object({
    ...common,
    kind: z.literal('grade-history'),
    /** Which evaluation schemes' grades count (e.g. Nanyang's driver scheme). */
    schemeIds: z.array(z.string().min(1)).min(1),
    trigger: z.union([
      z.object({ consecutiveCycles: z.number().int().min(2), grade: z.string().min(1) }).strict(),
      z.object({ pointsDeductedInCycle: threshold }).strict(),
    ]),
  })
  .strict();

/**
 * A carrier whose vehicles violating in a window are more than a share of its fleet (交办公路〔2017〕8号:
 * more than 10 % of its freight vehicles in a year). The violating vehicles are the distinct
 * plates (plate + colour fields of the payload) of the carrier's own matching records; the fleet
 * is the size its licensing authority reported (`PUT /api/v1/subjects/{id}/fleet`). Without a
 * reported fleet the rule cannot hold: a share of an unknown fleet is never guessed.
 */
export const fleetShareRuleSchema = z
  .object({
    ...common,
    kind: z.literal('fleet-share'),
    match: recordMatch,
    vehicle: z.object({ plateField: z.string().min(1), colourField: z.string().min(1) }).strict(),
    windowMonths: z.number().int().min(1).max(120),
    /** Strictly more than this percentage of the fleet ("超过10%"). */
    share: z.object({ moreThanPercent: z.number().min(0).max(100) }).strict(),
    /** A further record that must stand in the window too (e.g. the order to suspend business). */
    alsoRequires: recordMatch.optional(),
  })
  .strict();

const windowMonths = z.number().int().min(1).max(120);
/** How the list owner names a criterion in the screening report (e.g. seed 003 太仓 “一年无违章”). */
const label = z.string().min(1).max(100);

/**
 * One criterion of a screening rule. `none`: no standing matching record decided in the window
 * (“一年无违章”); `notOnLists`: no open entry on those lists (“无信用惩戒”, “无重点跟踪”); `notGraded`:
 * the latest closed-cycle grade of those schemes is none of those grades (“无C类船舶”); `atLeast`:
 * at least N matching records in the window (“一年内在太仓港累计作业不少于12艘次”).
 */
export const screeningCriterionSchema = z.union([
  z.object({ label, none: recordMatch, windowMonths }).strict(),
  z.object({ label, notOnLists: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ label, notGraded: z.object({ schemeIds: z.array(z.string().min(1)).min(1), grades: z.array(z.string().min(1)).min(1) }).strict() }).strict(),
  z.object({ label, atLeast: z.number().int().min(1).max(10_000), of: recordMatch, windowMonths }).strict(),
]);

/**
 * A list a subject earns by what it has NOT done (ADR 0052): every criterion must hold on the day
 * screened. Absence cannot be triggered by a record arriving, so these rules never run on events:
 * the list owner asks for a screening run (筛选认定, seed 003 太仓“严格筛选和认定”) of the subjects of
 * its regions. Only incentive lists: the absence of wrongdoing never justifies a punishment, and a
 * screening entry takes effect at once (no prior notice is owed for a benefit, ADR 0052).
 */
export const screeningRuleSchema = z
  .object({
    ...common,
    kind: z.literal('screening'),
    listType: z.enum(['red', 'interception-whitelist']),
    /** GB/T 2260 prefixes of the regions whose subjects are screened (320585 = 太仓). */
    regions: z.array(z.string().regex(/^\d{6}$/, 'a GB/T 2260 region code')).min(1),
    criteria: z.array(screeningCriterionSchema).min(1).max(20),
  })
  .strict();

export const entryRuleSchema = z.discriminatedUnion('kind', [recordCountRuleSchema, gradeRuleSchema, fleetShareRuleSchema, screeningRuleSchema]);
export type EntryRule = z.infer<typeof entryRuleSchema>;
export type RecordCountRule = z.infer<typeof recordCountRuleSchema>;
export type GradeRule = z.infer<typeof gradeRuleSchema>;
export type FleetShareRule = z.infer<typeof fleetShareRuleSchema>;
export type RecordMatch = z.infer<typeof recordMatch>;
export type PayloadCondition = z.infer<typeof payloadCondition>;
export type ScreeningRule = z.infer<typeof screeningRuleSchema>;
export type ScreeningCriterion = z.infer<typeof screeningCriterionSchema>;
export type Threshold = z.infer<typeof threshold>;

/** The shape of a rule set; a malformed one is refused as a whole (400) with every field located. */
export function parseEntryRules(input: unknown): EntryRule[] {
  const parsed = z.array(entryRuleSchema).min(1).safeParse(input);
  if (!parsed.success) {
    throw DomainError.validation(
      EntryRuleErrorCode.Invalid,
      parsed.error.issues.map((i) => ({
        field: `rules${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
        message: i.message,
      })),
      'The entry rules are invalid.',
    );
  }
  const baseless = parsed.data.flatMap((rule, i) =>
    rule.kind === 'screening' && !rule.criteria.some((c) => 'atLeast' in c)
      ? [{ field: `rules[${i}].criteria`, message: 'a screening rule needs an atLeast criterion: its records are the entry’s basis (DOMAIN.md §4)' }]
      : [],
  );
  if (baseless.length > 0) throw DomainError.validation(EntryRuleErrorCode.Invalid, baseless, 'The entry rules are invalid.');
  return parsed.data;
}

/**
 * Checks every reference of a rule set (issue 16 item 2): unique ids, the list type, the record
 * types a rule counts (the collection catalogue's), and for grade rules the schemes and the grade
 * they name. A rule whose only problem is a scheme not published yet is pending.
 */
export function checkEntryRules(rules: readonly EntryRule[], schemes: SchemeCatalogue): CheckedItem<EntryRule>[] {
  const seen = new Set<string>();
  return rules.map((rule, index) => {
    const at = `rules[${index}]`;
    const refs = new References(schemes);
    if (seen.has(rule.id)) refs.duplicate(`${at}.id`, rule.id);
    seen.add(rule.id);
    refs.listType(`${at}.listType`, rule.listType);
    if (rule.kind === 'record-count') refs.recordType(`${at}.match.recordType`, rule.match.recordType);
    if (rule.kind === 'fleet-share') {
      refs.recordType(`${at}.match.recordType`, rule.match.recordType);
      if (rule.alsoRequires) refs.recordType(`${at}.alsoRequires.recordType`, rule.alsoRequires.recordType);
    }
    if (rule.kind === 'screening') checkScreeningReferences(refs, at, rule);
    if (rule.kind === 'grade-history') {
      const trigger = rule.trigger;
      const grades = 'grade' in trigger ? [{ path: `${at}.trigger.grade`, grade: trigger.grade }] : [];
      rule.schemeIds.forEach((schemeId, j) => refs.scheme(`${at}.schemeIds[${j}]`, schemeId, grades));
    }
    return checkedItem(rule.id, rule, refs.problems);
  });
}

/** A screening rule's regions, list types, record types, schemes and grades (a scheme not published yet makes it pending). */
function checkScreeningReferences(refs: References, at: string, rule: ScreeningRule): void {
  rule.regions.forEach((region, i) => refs.region(`${at}.regions[${i}]`, region));
  rule.criteria.forEach((c, i) => {
    const path = `${at}.criteria[${i}]`;
    if ('none' in c) refs.recordType(`${path}.none.recordType`, c.none.recordType);
    if ('of' in c) refs.recordType(`${path}.of.recordType`, c.of.recordType);
    if ('notOnLists' in c) c.notOnLists.forEach((t, j) => refs.listType(`${path}.notOnLists[${j}]`, t));
    if ('notGraded' in c) {
      const grades = c.notGraded.grades.map((grade, j) => ({ path: `${path}.notGraded.grades[${j}]`, grade }));
      c.notGraded.schemeIds.forEach((schemeId, j) => refs.scheme(`${path}.notGraded.schemeIds[${j}]`, schemeId, grades));
    }
  });
}

/** Rules that count records as they arrive (record-count, fleet-share); grade and screening rules do not. */
export function isCountingRule(rule: EntryRule): rule is RecordCountRule | FleetShareRule {
  return rule.kind === 'record-count' || rule.kind === 'fleet-share';
}

/** The list a rule fills. Only active rules run, and checkEntryRules made their list type a credit list type. */
export function ruleListType(rule: EntryRule): CreditListType {
  if (!isCreditListType(rule.listType)) throw new Error(`entry rule ${rule.id} names list type "${rule.listType}", not a credit list type`);
  return rule.listType;
}

export function meetsThreshold(value: number, t: Threshold): boolean {
  return 'moreThan' in t ? value > t.moreThan : value >= t.atLeast;
}

/** A record as joint measures keeps it: only the facts the rules look at. */
export interface StandingRecord {
  recordId: string;
  recordType: string;
  subjectKind: SubjectKind;
  subjectId: string;
  severity: Severity;
  decisionDate: string;
  payload: Record<string, unknown>;
  /** active records count; revoked, expired or repaired ones do not. */
  standing: boolean;
}

export interface RuleOutcome {
  met: boolean;
  /** The records (or grades) that make the rule hold, oldest first. */
  basis: StandingRecord[];
}

/** First day of the window of `months` that ends on `asOf` (12 months up to 2026-11-21 start 2025-11-22). */
export function windowStart(asOf: string, months: number): string {
  return addDays(addMonths(asOf, -months), 1);
}

export function matches(rule: RecordCountRule | FleetShareRule, record: StandingRecord): boolean {
  return rule.subjectKinds.includes(record.subjectKind) && matchesRecord(rule.match, record);
}

/** Whether a standing record is of the type, severity and payload a rule looks for. */
export function matchesRecord(match: RecordMatch, record: StandingRecord): boolean {
  if (!record.standing || record.recordType !== match.recordType) return false;
  if (match.severities && !match.severities.includes(record.severity)) return false;
  return Object.entries(match.payload ?? {}).every(([field, condition]) => meetsCondition(condition, record.payload[field]));
}

/** Whether a payload value (or any item of a list value) meets a condition; strings and booleans are never coerced into each other. */
function meetsCondition(condition: PayloadCondition, raw: unknown): boolean {
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  if ('is' in condition) return values.some((value) => value === condition.is);
  const texts = values.filter((v): v is string => typeof v === 'string');
  return texts.some((text) => ('anyOf' in condition ? condition.anyOf.includes(text) : text.includes(condition.includes)));
}

export interface FleetOutcome extends RuleOutcome {
  /** Distinct violating vehicles (plate:COLOUR) and the fleet they are counted against. */
  vehicles: string[];
  fleetSize: number | null;
}

/**
 * Evaluates a fleet-share rule over a carrier's records as they stand on `asOf`. The basis is the
 * violating records and, when required, the further record (latest first is not needed: all count).
 */
export function evaluateFleetRule(rule: FleetShareRule, records: readonly StandingRecord[], fleetSize: number | null, asOf: string): FleetOutcome {
  const from = windowStart(asOf, rule.windowMonths);
  const inWindow = (r: StandingRecord) => r.decisionDate <= asOf && r.decisionDate >= from;
  const byDate = (a: StandingRecord, b: StandingRecord) => a.decisionDate.localeCompare(b.decisionDate) || a.recordId.localeCompare(b.recordId);
  const violations = records.filter((r) => matches(rule, r) && inWindow(r)).sort(byDate);
  const vehicles = [
    ...new Set(
      violations.flatMap((r) => {
        const plate = r.payload[rule.vehicle.plateField];
        const colour = r.payload[rule.vehicle.colourField];
        return typeof plate === 'string' && typeof colour === 'string' ? [`${plate.trim().toUpperCase()}:${colour.trim().toUpperCase()}`] : [];
      }),
    ),
  ].sort();
  const required = rule.alsoRequires
    ? records.filter((r) => rule.subjectKinds.includes(r.subjectKind) && matchesRecord(rule.alsoRequires!, r) && inWindow(r)).sort(byDate)
    : [];
  const overShare = fleetSize !== null && fleetSize > 0 && vehicles.length * 100 > fleetSize * rule.share.moreThanPercent;
  const met = overShare && (!rule.alsoRequires || required.length > 0);
  return { met, basis: met ? [...violations, ...required] : [], vehicles, fleetSize };
}

/** Evaluates a counting rule over one subject's records as they stand on `asOf`. */
export function evaluateRecordRule(rule: RecordCountRule, records: readonly StandingRecord[], asOf: string): RuleOutcome {
  const from = rule.windowMonths === null ? null : windowStart(asOf, rule.windowMonths);
  const basis = records
    .filter((r) => matches(rule, r) && r.decisionDate <= asOf && (from === null || r.decisionDate >= from))
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.recordId.localeCompare(b.recordId));
  return { met: meetsThreshold(basis.length, rule.threshold), basis };
}

/** Whether a rule can fire for a list type and subject kind at all (saves reading records). */
export function appliesTo(rule: EntryRule, subjectKind: SubjectKind, recordType?: string): boolean {
  if (!rule.subjectKinds.includes(subjectKind)) return false;
  if (recordType === undefined) return true;
  if (rule.kind === 'record-count') return rule.match.recordType === recordType;
  return rule.kind === 'fleet-share' && (rule.match.recordType === recordType || rule.alsoRequires?.recordType === recordType);
}

export type { CreditListType };
