import { DomainError } from '@platform/errors';
import type { Principal } from '@platform/auth';
import type { Upstreams } from '../upstreams';
import { registrationKindOf, SubjectScope } from './subject-scope';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['evaluations:read'], region: '410100' };
// DOMAIN.md §1 example USCC; GB 11643-1999's worked example citizen ID.
const USCC = '91350100M000100Y43';

/** Collection as the scope sees it: records in the subtree (or none), and the registry's answer. */
function scopeWith(records: number, registry: () => Promise<unknown>) {
  const asked: { kind: string; key: string }[] = [];
  const upstreams = {
    creditRecords: { listRecords: async () => ({ records: Array.from({ length: records }, () => ({})) }) },
    registry: {
      getRegistration: async (request: { kind: string; key: string }) => {
        asked.push(request);
        return registry();
      },
    },
  } as unknown as Upstreams;
  return { scope: new SubjectScope(upstreams), asked };
}

const read = async () => ({ grades: [] });

describe('SubjectScope and the registry (ADR 0041, 0042)', () => {
  it('shows a subject with a record in the subtree without asking the registry', async () => {
    const { scope, asked } = scopeWith(1, async () => ({}));
    await expect(scope.read(zhengzhou, USCC, read)).resolves.toEqual({ grades: [] });
    expect(asked).toEqual([]);
  });

  it('shows a subject with no record that is registered in the subtree', async () => {
    const { scope, asked } = scopeWith(0, async () => ({ registration: {} }));
    await expect(scope.read(zhengzhou, USCC, read)).resolves.toEqual({ grades: [] });
    expect(asked).toEqual([{ kind: 'enterprise', key: USCC }]);
  });

  it('reads a subject neither reported nor registered in the subtree as absent (404)', async () => {
    const { scope } = scopeWith(0, async () => Promise.reject(DomainError.notFound('REGISTRY.NOT_FOUND', 'none')));
    await expect(scope.read(zhengzhou, USCC, read)).rejects.toMatchObject({ code: 'SUBJECT.NOT_FOUND' });
  });

  it('does not hide a registry failure as absence', async () => {
    const { scope } = scopeWith(0, async () => Promise.reject(new DomainError('SERVICE.UNAVAILABLE', 'unavailable', 'down')));
    await expect(scope.read(zhengzhou, USCC, read)).rejects.toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });

  it('asks the registry for the kind the id spells', () => {
    expect(['豫A12345:yellow', 'CN20161234567', USCC, '11010519491231002X'].map(registrationKindOf)).toEqual(['vehicle', 'vessel', 'enterprise', 'driver']);
  });
});
