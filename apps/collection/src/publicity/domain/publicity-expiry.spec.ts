import { publicityWindow } from '@domain/credit';
import { CATALOGUE_V1 } from '../../catalogue/domain/catalogue-v1';
import { isPublicityOver, publicityEndsOn, publicityExpiryRules, recordPublicityEndsOn } from './publicity-expiry';

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

  describe('the last day a record carries on its events (issue 16)', () => {
    const type = (code: string) => CATALOGUE_V1.recordTypes.find((t) => t.code === code)!;

    it('gives licences and commitments the catalogue period (36 months), not the repair rule minor 3 months', () => {
      // Catalogue v1 localPublicity: 自决定之日起公示，最长36个月. Decided 2026-07-15, four months before 2026-11-15.
      expect(recordPublicityEndsOn(type('administrative-licence'), 'minor', '2026-07-15')).toBe('2029-07-15');
      expect(recordPublicityEndsOn(type('credit-commitment'), 'minor', '2026-07-15')).toBe('2029-07-15');
      expect(recordPublicityEndsOn(type('commendation'), 'minor', '2026-07-15')).toBe('2029-07-15');
      expect(isPublicityOver('2026-07-15', rule('administrative-licence', 'minor')!.maxMonths, '2026-11-15')).toBe(false);
    });

    it('gives dishonesty the repair rule periods (DOMAIN.md §5: general at most 1 year)', () => {
      expect(recordPublicityEndsOn(type('administrative-penalty'), 'general', '2025-03-15')).toBe('2026-03-15');
      expect(recordPublicityEndsOn(type('commitment-broken'), 'general', '2025-03-15')).toBe('2026-03-15');
      expect(recordPublicityEndsOn(type('administrative-penalty'), 'minor', '2025-11-30')).toBe('2026-02-28');
    });

    it('gives null for types that are not published', () => {
      expect(recordPublicityEndsOn(type('monitoring-violation'), 'general', '2025-03-15')).toBeNull();
    });
  });
});
