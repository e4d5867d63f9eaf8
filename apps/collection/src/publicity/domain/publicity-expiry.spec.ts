import { publicityWindow } from '@domain/credit';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { isPublicityOver, publicityEndsOn, publicityExpiryRules } from './publicity-expiry';

describe('publicity expiry', () => {
  const rules = publicityExpiryRules([CATALOGUE_V1]);
  const rule = (recordType: string, severity: string) => rules.find((r) => r.recordType === recordType && r.severity === severity);

  it('takes the maximum period of each public type and severity from the catalogue version', () => {
    expect(rule('administrative-penalty', 'minor')).toMatchObject({ catalogueVersion: 1, maxMonths: 3, basis: '国家发展改革委令2025年第36号' });
    expect(rule('administrative-penalty', 'general')?.maxMonths).toBe(12);
    expect(rule('administrative-penalty', 'severe')?.maxMonths).toBe(36);
    expect(rule('administrative-licence', 'minor')?.maxMonths).toBe(36);
    // Types that are not published never expire from publication.
    expect(rule('monitoring-violation', 'general')).toBeUndefined();
  });

  it('agrees with the national publicity window of @domain/credit', () => {
    for (const severity of ['minor', 'general', 'severe'] as const) {
      expect(publicityEndsOn('2025-03-15', rule('administrative-penalty', severity)!.maxMonths)).toBe(publicityWindow('2025-03-15', severity).maxEndsOn);
    }
  });

  it('ends publication the day after the last day, month ends clamped', () => {
    // General, decided 2025-03-15: published up to and including 2026-03-15.
    expect(isPublicityOver('2025-03-15', 12, '2026-03-15')).toBe(false);
    expect(isPublicityOver('2025-03-15', 12, '2026-03-16')).toBe(true);
    // Minor, decided 2025-11-30: three months end on 2026-02-28 (no 30 February).
    expect(publicityEndsOn('2025-11-30', 3)).toBe('2026-02-28');
    expect(isPublicityOver('2025-11-30', 3, '2026-02-28')).toBe(false);
    expect(isPublicityOver('2025-11-30', 3, '2026-03-01')).toBe(true);
  });
});
