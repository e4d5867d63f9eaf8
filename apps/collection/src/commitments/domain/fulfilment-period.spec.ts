import { DEFAULT_FULFILMENT_PERIOD_RULES, effectiveDueDate, FulfilmentPeriodRule, fulfilmentPeriodRuleSchema, isOverdue } from './fulfilment-period';

const hangzhou = DEFAULT_FULFILMENT_PERIOD_RULES[0];

describe('commitment due dates', () => {
  it('is overdue only from the day after the due day', () => {
    expect(isOverdue('2026-06-30', '2026-06-30')).toBe(false);
    expect(isOverdue('2026-06-30', '2026-07-01')).toBe(true);
    expect(isOverdue('2026-06-30', '2026-06-29')).toBe(false);
  });

  it("keeps the commitment's own due date where no local rule applies", () => {
    expect(
      effectiveDueDate(
        { region: '410100', decisionDate: '2026-01-10', dueDate: '2027-01-10', commitmentType: 'notification-commitment' },
        DEFAULT_FULFILMENT_PERIOD_RULES,
      ),
    ).toEqual({
      dueOn: '2027-01-10',
    });
  });

  it('caps an opening-licence commitment in Hangzhou at 180 days after the decision (seed 004)', () => {
    // 2026-01-10 + 180 days = 2026-07-09: the decision day is not counted.
    const result = effectiveDueDate(
      { region: '330106', decisionDate: '2026-01-10', dueDate: '2027-01-10', commitmentType: 'notification-commitment' },
      DEFAULT_FULFILMENT_PERIOD_RULES,
    );
    expect(result).toEqual({ dueOn: '2026-07-09', rule: hangzhou });
    expect(isOverdue(result.dueOn, '2026-07-09')).toBe(false);
    expect(isOverdue(result.dueOn, '2026-07-10')).toBe(true);
  });

  it('keeps an earlier own due date even where a local cap exists', () => {
    expect(
      effectiveDueDate(
        { region: '330100', decisionDate: '2026-01-10', dueDate: '2026-03-01', commitmentType: 'notification-commitment' },
        DEFAULT_FULFILMENT_PERIOD_RULES,
      ),
    ).toEqual({ dueOn: '2026-03-01' });
  });

  it('applies a rule only to its commitment type, and the most specific region wins', () => {
    const rules: FulfilmentPeriodRule[] = [
      { region: '410000', commitmentType: '*', days: 365, source: 'test: province' },
      { region: '410100', commitmentType: 'permit-application', days: 30, source: 'test: city' },
    ];
    const terms = { region: '410102', decisionDate: '2026-01-01', dueDate: '2028-01-01' };
    expect(effectiveDueDate({ ...terms, commitmentType: 'permit-application' }, rules)).toEqual({ dueOn: '2026-01-31', rule: rules[1] });
    expect(effectiveDueDate({ ...terms, commitmentType: 'voluntary' }, rules)).toEqual({ dueOn: '2027-01-01', rule: rules[0] });
    expect(effectiveDueDate({ ...terms, region: '420100', commitmentType: 'voluntary' }, rules)).toEqual({ dueOn: '2028-01-01' });
  });

  it('refuses configuration without a source', () => {
    expect(fulfilmentPeriodRuleSchema.safeParse({ region: '330100', commitmentType: '*', days: 180, source: '' }).success).toBe(false);
    expect(DEFAULT_FULFILMENT_PERIOD_RULES.every((r) => fulfilmentPeriodRuleSchema.safeParse(r).success)).toBe(true);
  });
});
