import { addDays, addMonths } from '@domain/calendar';
import { isCreditListType, isRecordTypeCode, PUBLICITY_PERIODS, SEVERITIES, type CreditListType, type Severity } from '@domain/credit';

/**
 * Credit repair rules (信用修复, DOMAIN.md §5) as versioned configuration: the publicity periods
 * by severity whose minimum must pass before a repair (国家发展改革委令2025年第36号, in force
 * 2026-04-01), and which record types and list types may be repaired at all. Checked when
 * loaded (`repairRulesViolations`); the periods must equal the national ones collection already
 * publishes with (PUBLICITY_PERIODS of @domain/credit), so repair never contradicts publication.
 */
export interface RepairRules {
  version: number;
  /** The rule the numbers come from. */
  basis: string;
  /** In force from (China date). */
  effectiveFrom: string;
  /** Months by severity, counted from the decision date. */
  periods: Record<Severity, { minMonths: number; maxMonths: number }>;
  /** Record types whose publication a repair may end early. */
  repairableRecordTypes: string[];
  /** Record types a repair never applies to, each with the reason (shown to the applicant). */
  notRepairableRecordTypes: { recordType: string; reason: string }[];
  /** List types whose entries may be repaired (removed early). */
  repairableListTypes: CreditListType[];
}

export interface RuleViolation {
  field: string;
  message: string;
}

/** Everything wrong with a rules document; empty when it may be loaded. */
export function repairRulesViolations(rules: RepairRules): RuleViolation[] {
  return [...periodViolations(rules), ...recordTypeViolations(rules), ...listTypeViolations(rules)];
}

function periodViolations(rules: RepairRules): RuleViolation[] {
  return SEVERITIES.flatMap((severity) => {
    const field = `periods.${severity}`;
    const period = rules.periods[severity];
    if (!period) return [{ field, message: 'is missing' }];
    const national = PUBLICITY_PERIODS[severity];
    if (period.minMonths !== national.minMonths || period.maxMonths !== national.maxMonths) {
      return [
        {
          field,
          message: `must equal the national period ${national.minMonths}–${national.maxMonths} months that publication uses, not ${period.minMonths}–${period.maxMonths}`,
        },
      ];
    }
    return [];
  });
}

function recordTypeViolations(rules: RepairRules): RuleViolation[] {
  const notRepairable = new Set(rules.notRepairableRecordTypes.map((t) => t.recordType));
  const unknown = (codes: readonly string[], field: string): RuleViolation[] =>
    codes.flatMap((code, i) => (isRecordTypeCode(code) ? [] : [{ field: `${field}[${i}]`, message: `unknown record type "${code}"` }]));
  return [
    ...unknown(rules.repairableRecordTypes, 'repairableRecordTypes'),
    ...unknown([...notRepairable], 'notRepairableRecordTypes'),
    ...rules.repairableRecordTypes
      .filter((code) => notRepairable.has(code))
      .map((code) => ({ field: 'repairableRecordTypes', message: `"${code}" is both repairable and not repairable` })),
  ];
}

function listTypeViolations(rules: RepairRules): RuleViolation[] {
  return rules.repairableListTypes.flatMap((code, i) =>
    isCreditListType(code) ? [] : [{ field: `repairableListTypes[${i}]`, message: `unknown list type "${code}"` }],
  );
}

/** Loads a rules document, or throws naming every violation (a service must not start on bad rules). */
export function loadRepairRules(rules: RepairRules): RepairRules {
  const violations = repairRulesViolations(rules);
  if (violations.length > 0) {
    throw new Error(`repair rules v${rules.version} are invalid: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  }
  return rules;
}

export type Repairability = { repairable: true } | { repairable: false; reason: string };

export function recordTypeRepairability(rules: RepairRules, recordType: string): Repairability {
  if (rules.repairableRecordTypes.includes(recordType)) return { repairable: true };
  const listed = rules.notRepairableRecordTypes.find((t) => t.recordType === recordType);
  return { repairable: false, reason: listed?.reason ?? `record type "${recordType}" is not repairable under ${rules.basis}` };
}

/**
 * First day a repair may be applied for: the day after the minimum period ends (the clock starts
 * at the decision date; months counted per 《民法典》第二百零一条、第二百零二条 as collection does).
 */
export function earliestRepairDate(rules: RepairRules, severity: Severity, decisionDate: string): string {
  return addDays(addMonths(decisionDate, rules.periods[severity].minMonths), 1);
}

/** Last day of publication (the maximum period): after it publication stops by itself and nothing is left to repair. */
export function publicationEndsOn(rules: RepairRules, severity: Severity, decisionDate: string): string {
  return addMonths(decisionDate, rules.periods[severity].maxMonths);
}
