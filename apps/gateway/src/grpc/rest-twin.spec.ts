import { isDomainError } from '@platform/errors';
import { pathParametersOf } from './rest-twin';

describe('a REST twin reads its path parameters from the gRPC request', () => {
  it('takes each path parameter under its REST name', () => {
    expect(pathParametersOf('/api/v1/lists/:listType/entries/:id', { listType: 'red', id: 'e-1', bodyJson: '{}' })).toEqual({ listType: 'red', id: 'e-1' });
  });

  it('refuses an empty or absent one, naming each: REST never routes an empty path segment to the handler', () => {
    // proto3 has no absent string: a request without `id` reaches the face as ''. A handler may read '' as "no
    // filter" (GET /exchange/v1/list-entries/:id listed every entry and answered INTERNAL with none; ADR 0075).
    const refusal = (() => {
      try {
        return pathParametersOf('/api/v1/lists/:listType/entries/:id', { listType: '' });
      } catch (error) {
        return error;
      }
    })();
    expect(isDomainError(refusal) && { code: refusal.code, kind: refusal.kind, fields: refusal.violations.map((v) => v.field) }).toEqual({
      code: 'REQUEST.INVALID',
      kind: 'validation',
      fields: ['listType', 'id'],
    });
  });

  it('has nothing to check on a route without path parameters', () => {
    expect(pathParametersOf('/api/v1/credit-records', { subjectId: '' })).toEqual({});
  });
});
