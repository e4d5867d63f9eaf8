import { DomainError } from '@platform/errors';
import { assertRegionScope, assertScope, decodePrincipal, encodePrincipal, Principal } from './principal';

const zhengzhou: Principal = { clientId: 'demo-zhengzhou', kind: 'integrator', scopes: ['records:write'], region: '410100' };

describe('principal', () => {
  it('survives the metadata round trip', () => {
    expect(decodePrincipal(encodePrincipal(zhengzhou))).toEqual(zhengzhou);
  });

  it('refuses a missing or forged principal as unauthenticated', () => {
    expect(() => decodePrincipal(undefined)).toThrow(DomainError);
    expect(() => decodePrincipal('not-base64-json')).toThrow(/malformed/);
  });

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

  it('requires the scope unless the client is an admin', () => {
    expect(() => assertScope(zhengzhou, 'records:read')).toThrow(/records:read/);
    expect(() => assertScope({ ...zhengzhou, scopes: ['admin'] }, 'records:read')).not.toThrow();
  });
});
