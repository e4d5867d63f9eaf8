import { DomainError } from '@platform/errors';
import { assertRegionScope, assertScope, isWithinRegion, Principal, withinRegion } from './principal';

const zhengzhou: Principal = { clientId: 'demo-zhengzhou', kind: 'integrator', scopes: ['records:write'], region: '410100' };

describe('principal', () => {
  it('lets a city client act in its districts only', () => {
    expect(() => assertRegionScope(zhengzhou, '410102')).not.toThrow();
    expect(() => assertRegionScope(zhengzhou, '410100')).not.toThrow();
    let error: DomainError | undefined;
    try {
      assertRegionScope(zhengzhou, '410200');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({ code: 'AUTH.REGION_FORBIDDEN', kind: 'forbidden' });
    expect(error?.violations[0]?.field).toBe('region');
  });

  it('reads only what lies in the region subtree: Zhengzhou 410100 sees its districts, not Xinxiang 410700 nor Henan as a whole', () => {
    expect(isWithinRegion(zhengzhou, '410102')).toBe(true);
    expect(isWithinRegion(zhengzhou, '410100')).toBe(true);
    expect(isWithinRegion(zhengzhou, '410700')).toBe(false);
    expect(isWithinRegion(zhengzhou, '410000')).toBe(false);
    expect(isWithinRegion(zhengzhou, 'not-a-region')).toBe(false);
    expect(isWithinRegion({ ...zhengzhou, region: '410000' }, '410700')).toBe(true);
    const items = [
      { id: 'a', region: '410100' },
      { id: 'b', region: '410700' },
      { id: 'c', region: '410185' },
    ];
    expect(withinRegion(zhengzhou, items).map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('requires the scope unless the client is an admin', () => {
    expect(() => assertScope(zhengzhou, 'records:read')).toThrow(/records:read/);
    expect(() => assertScope({ ...zhengzhou, scopes: ['admin'] }, 'records:read')).not.toThrow();
  });
});
