import { isDomainError } from '@platform/errors';
import { BATCH_BODY_LIMIT, SINGLE_BODY_LIMIT } from '../http/body-parsing';
import { MAX_JSON_DEPTH } from '../http/input-policy';
import { jsonBody, ndjsonBody } from './rest-body';

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return isDomainError(error) ? { code: error.code, fields: error.violations.map((v) => v.field) } : String(error);
  }
};

/** The REST body rules (API.md: 1 MiB bodies, 20 MiB batches; body-parsing.ts) held on the gRPC face's body_json / ndjson. */
describe('REST bodies on the gRPC face', () => {
  it('takes a JSON object, and an empty document as an empty body', () => {
    expect(jsonBody('{"reason":"文号有误"}')).toEqual({ reason: '文号有误' });
    expect(jsonBody('')).toEqual({});
  });

  it('refuses what REST refuses, with its codes', () => {
    expect(refusal(() => jsonBody('{"reason":'))).toEqual({ code: 'REQUEST.MALFORMED_JSON', fields: ['(body)'] });
    expect(refusal(() => jsonBody('[1]'))).toEqual({ code: 'REQUEST.INVALID', fields: ['bodyJson'] });
    expect(refusal(() => jsonBody('{"a":{"b":"x\\u0000"}}'))).toEqual({ code: 'REQUEST.INVALID', fields: ['a.b'] });
    const deep = `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(refusal(() => jsonBody(deep))).toEqual({ code: 'REQUEST.TOO_DEEP', fields: ['(body)'] });
    expect(refusal(() => jsonBody(`{"a":"${'x'.repeat(SINGLE_BODY_LIMIT)}"}`))).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('holds NDJSON batches to the batch limit and depth', () => {
    expect(ndjsonBody('{"a":1}\n{"a":2}')).toBe('{"a":1}\n{"a":2}');
    expect(refusal(() => ndjsonBody('x'.repeat(BATCH_BODY_LIMIT + 1)))).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    const deep = `{"a":1}\n${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(refusal(() => ndjsonBody(deep))).toMatchObject({ code: 'REQUEST.TOO_DEEP' });
  });
});
