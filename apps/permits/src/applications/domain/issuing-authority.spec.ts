import { isValidUscc } from '@domain/identifiers';
import { ISSUING_AUTHORITIES, issuingAuthorityOf, issuingAuthorityProblems } from './issuing-authority';

describe('issuing authorities (许可机关 per province, shipped configuration)', () => {
  it('the shipped table is sound: province codes, names, GB 32100-valid USCCs, a source each', () => {
    expect(issuingAuthorityProblems(ISSUING_AUTHORITIES)).toEqual([]);
  });

  it('covers the demo route provinces, Henan (410000) and Hubei (420000), with placeholder USCCs marked as such', () => {
    for (const province of ['410000', '420000']) {
      const authority = issuingAuthorityOf(ISSUING_AUTHORITIES, province)!;
      expect(isValidUscc(authority.uscc)).toBe(true);
      expect(authority.source).toContain('placeholder');
    }
  });

  it('a city region is served by its province authority; an unconfigured province by none', () => {
    expect(issuingAuthorityOf(ISSUING_AUTHORITIES, '410100')?.name).toBe('河南省交通运输厅');
    expect(issuingAuthorityOf(ISSUING_AUTHORITIES, '110000')).toBeUndefined();
  });

  it('reports a USCC failing the check character, a duplicate and a non-province code', () => {
    const bad = [
      { province: '410000', name: 'A', uscc: '11410000PH00000017', source: 's' },
      { province: '410000', name: 'B', uscc: '11410000PH00000016', source: 's' },
      { province: '410100', name: 'C', uscc: '11410000PH00000016', source: 's' },
    ];
    expect(issuingAuthorityProblems(bad)).toEqual(['410000: USCC 11410000PH00000017 fails GB 32100', '410000: listed twice', '410100: not a province code']);
  });
});
