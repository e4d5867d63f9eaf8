import { daysBetween, DEFAULT_EXPIRY_WARNING_RULES, expiryWarningRuleSchema, isExpiringWithin, warningWindow } from './expiry-warning';

describe('licence expiry warning window', () => {
  it('warns a month ahead in Jiaozuo (seed 002), counted per 民法典 (month end when the day is missing)', () => {
    expect(warningWindow('410802', '2026-03-15', DEFAULT_EXPIRY_WARNING_RULES)).toMatchObject({ until: '2026-04-15', days: 31, rule: { region: '410800' } });
    expect(warningWindow('410800', '2026-01-31', DEFAULT_EXPIRY_WARNING_RULES)).toMatchObject({ until: '2026-02-28', days: 28 });
  });

  it('falls back to the province rule, and to none outside any configured place', () => {
    expect(warningWindow('410100', '2026-03-15', DEFAULT_EXPIRY_WARNING_RULES)?.rule.region).toBe('410000');
    expect(warningWindow('420100', '2026-03-15', DEFAULT_EXPIRY_WARNING_RULES)).toBeUndefined();
  });

  it('takes windows in days too', () => {
    expect(warningWindow('410100', '2026-12-20', [{ region: '410100', days: 15, source: 'test' }])).toMatchObject({ until: '2027-01-04', days: 15 });
  });

  it('counts a licence as expiring from the window start to its last valid day, not after it has lapsed', () => {
    expect(isExpiringWithin('2026-04-15', '2026-03-15', '2026-04-15')).toBe(true);
    expect(isExpiringWithin('2026-03-15', '2026-03-15', '2026-04-15')).toBe(true);
    expect(isExpiringWithin('2026-04-16', '2026-03-15', '2026-04-15')).toBe(false);
    expect(isExpiringWithin('2026-03-14', '2026-03-15', '2026-04-15')).toBe(false);
    expect(daysBetween('2026-03-15', '2026-03-15')).toBe(0);
  });

  it('refuses a rule without a source or with both months and days', () => {
    expect(expiryWarningRuleSchema.safeParse({ region: '410800', months: 1, source: '' }).success).toBe(false);
    expect(expiryWarningRuleSchema.safeParse({ region: '410800', months: 1, days: 30, source: 'x' }).success).toBe(false);
    expect(DEFAULT_EXPIRY_WARNING_RULES.every((r) => expiryWarningRuleSchema.safeParse(r).success)).toBe(true);
  });
});
