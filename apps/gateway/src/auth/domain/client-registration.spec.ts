import { DomainError } from '@platform/errors';
import { checkNewClient } from './client-registration';

const valid = { clientId: 'demo-beijing', name: ' 北京市交通委员会（演示） ', kind: 'integrator', region: '110000', scopes: ['records:write', 'records:read'] };
const refusal = (input: Record<string, unknown>) => {
  try {
    checkNewClient(input);
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, kind: e.kind, fields: e.violations.map((v) => `${v.field}:${v.code}`) };
  }
  return undefined;
};

describe('checkNewClient', () => {
  it('accepts a well-formed client for any GB/T 2260 region and trims its name', () => {
    expect(checkNewClient(valid)).toEqual({ ...valid, name: '北京市交通委员会（演示）' });
    // Jiyuan 419001 is a county-level code directly under Henan (DOMAIN.md §0 codes, seed 002).
    expect(checkNewClient({ ...valid, region: '419001' }).region).toBe('419001');
  });

  it('reports every shape problem at once as 400 CLIENT.INVALID', () => {
    expect(refusal({ clientId: 'X', name: '', kind: 'public', region: '11000', scopes: ['records:read', 'records:read', 'nope'] })).toEqual({
      code: 'CLIENT.INVALID',
      kind: 'validation',
      fields: [
        'clientId:INVALID_CLIENT_ID',
        'name:INVALID_NAME',
        'kind:INVALID_KIND',
        'region:INVALID_REGION',
        'scopes[1]:DUPLICATE_SCOPE',
        'scopes[2]:UNKNOWN_SCOPE',
      ],
    });
    expect(refusal({ ...valid, scopes: [] })?.fields).toEqual(['scopes:REQUIRED']);
  });

  it('refuses what is well-formed but not acceptable as 422 CLIENT.UNACCEPTABLE', () => {
    expect(refusal({ ...valid, region: '990000' })).toEqual({ code: 'CLIENT.UNACCEPTABLE', kind: 'precondition', fields: ['region:REGION_PROVINCE'] });
    expect(refusal({ ...valid, scopes: ['admin'] })).toEqual({ code: 'CLIENT.UNACCEPTABLE', kind: 'precondition', fields: ['scopes[0]:SCOPE_NOT_FOR_KIND'] });
    expect(checkNewClient({ ...valid, kind: 'admin', scopes: ['admin'] }).scopes).toEqual(['admin']);
  });
});
