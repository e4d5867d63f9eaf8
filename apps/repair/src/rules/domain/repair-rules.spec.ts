import { earliestRepairDate, loadRepairRules, publicationEndsOn, recordTypeRepairability, repairRulesViolations, type RepairRules } from './repair-rules';
import { CURRENT_REPAIR_RULES, REPAIR_RULES_V1 } from './shipped-repair-rules';

/** A copy of the shipped rules to break one field at a time. */
function rulesWith(change: (rules: RepairRules) => void): RepairRules {
  const rules = structuredClone(REPAIR_RULES_V1);
  change(rules);
  return rules;
}

describe('repair rules v1 (国家发展改革委令2025年第36号, DOMAIN.md §5)', () => {
  it('loads: the shipped rules have no violation and are the rules in force', () => {
    expect(repairRulesViolations(REPAIR_RULES_V1)).toEqual([]);
    expect(CURRENT_REPAIR_RULES).toBe(REPAIR_RULES_V1);
    expect(REPAIR_RULES_V1.effectiveFrom).toBe('2026-04-01');
  });

  it.each([
    // DOMAIN.md §5 table: minor "not published, or at most 3 months"; general "at least 3 months, at most 1 year"; severe "at least 1 year, at most 3 years".
    ['minor', 0, 3],
    ['general', 3, 12],
    ['severe', 12, 36],
  ] as const)('%s: at least %i months, at most %i months', (severity, minMonths, maxMonths) => {
    expect(REPAIR_RULES_V1.periods[severity]).toEqual({ minMonths, maxMonths });
  });

  it.each([
    // "The clock starts at the decision date"; a repair may be applied for from the day after the minimum ends.
    ['general', '2026-04-10', '2026-07-11'],
    ['severe', '2026-04-10', '2027-04-11'],
    ['minor', '2026-04-10', '2026-04-11'],
    // A month without the corresponding day ends on its last day (《民法典》第二百零二条): 11-30 + 3 months → 02-28.
    ['general', '2026-11-30', '2027-03-01'],
  ] as const)('%s decided %s may be repaired from %s', (severity, decisionDate, earliest) => {
    expect(earliestRepairDate(REPAIR_RULES_V1, severity, decisionDate)).toBe(earliest);
  });

  it.each([
    ['general', '2026-04-10', '2027-04-10'],
    ['severe', '2026-04-10', '2029-04-10'],
  ] as const)('%s decided %s: publication stops by itself after %s (the maximum)', (severity, decisionDate, last) => {
    expect(publicationEndsOn(REPAIR_RULES_V1, severity, decisionDate)).toBe(last);
  });

  it('repairs penalties and broken commitments (dishonesty), not licences or commendations', () => {
    expect(recordTypeRepairability(REPAIR_RULES_V1, 'administrative-penalty')).toEqual({ repairable: true });
    expect(recordTypeRepairability(REPAIR_RULES_V1, 'commitment-broken')).toEqual({ repairable: true });
    expect(recordTypeRepairability(REPAIR_RULES_V1, 'commendation')).toEqual({ repairable: false, reason: expect.stringContaining('不属于失信信息') });
    expect(recordTypeRepairability(REPAIR_RULES_V1, 'accident')).toMatchObject({ repairable: false });
  });

  it('repairs entries of punishment lists, never of reward lists', () => {
    expect(REPAIR_RULES_V1.repairableListTypes).toEqual(expect.arrayContaining(['key-watch', 'severe-dishonesty', 'bad-driver']));
    expect(REPAIR_RULES_V1.repairableListTypes).not.toContain('red');
  });

  describe('checked at load', () => {
    it('refuses periods that contradict the national ones publication uses', () => {
      const rules = rulesWith((r) => (r.periods.general = { minMonths: 1, maxMonths: 12 }));
      expect(repairRulesViolations(rules)).toEqual([{ field: 'periods.general', message: expect.stringContaining('national period 3–12') }]);
      expect(() => loadRepairRules(rules)).toThrow(/periods\.general/);
    });

    it('refuses unknown record and list types, and a type both repairable and not', () => {
      const rules = rulesWith((r) => {
        r.repairableRecordTypes.push('parking-ticket', 'commendation');
        r.repairableListTypes.push('grey' as never);
      });
      expect(repairRulesViolations(rules).map((v) => v.field)).toEqual(['repairableRecordTypes[2]', 'repairableRecordTypes', 'repairableListTypes[3]']);
    });
  });
});
