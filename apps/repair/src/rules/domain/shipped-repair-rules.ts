import { PUBLICITY_PERIODS } from '@domain/credit';
import type { RepairRules } from './repair-rules';

/**
 * Version 1 of the repair rules: 国家发展改革委令2025年第36号 (DOMAIN.md §5). The periods are the
 * national ones (minor ≤3 months, general 3–12, severe 12–36), taken from the same source
 * collection publishes with. Repairable: the dishonesty types published under that rule
 * (行政处罚, 失信承诺未履行); not repairable: public information that is not dishonesty
 * (licences, commitments, commendations: nothing to repair) and types that are not published.
 * Lists: the punishment lists (key-watch, severe-dishonesty, bad-driver); reward lists are not.
 */
export const REPAIR_RULES_V1: RepairRules = {
  version: 1,
  basis: '国家发展改革委令2025年第36号',
  effectiveFrom: '2026-04-01',
  periods: {
    minor: { ...PUBLICITY_PERIODS.minor },
    general: { ...PUBLICITY_PERIODS.general },
    severe: { ...PUBLICITY_PERIODS.severe },
  },
  repairableRecordTypes: ['administrative-penalty', 'commitment-broken'],
  notRepairableRecordTypes: [
    { recordType: 'administrative-licence', reason: '行政许可信息不属于失信信息，无需信用修复' },
    { recordType: 'credit-commitment', reason: '信用承诺信息不属于失信信息，无需信用修复' },
    { recordType: 'commitment-fulfilled', reason: '承诺履约信息不属于失信信息，无需信用修复' },
    { recordType: 'commendation', reason: '表彰奖励信息不属于失信信息，无需信用修复' },
  ],
  repairableListTypes: ['key-watch', 'severe-dishonesty', 'bad-driver'],
};

export const SHIPPED_REPAIR_RULES: readonly RepairRules[] = [REPAIR_RULES_V1];

/** The rules in force (the latest shipped version). */
export const CURRENT_REPAIR_RULES = SHIPPED_REPAIR_RULES[SHIPPED_REPAIR_RULES.length - 1]!;
