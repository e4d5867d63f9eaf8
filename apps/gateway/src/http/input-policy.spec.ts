import { jsonDepthExceeded, MAX_JSON_DEPTH, ndjsonNulViolations, requestTargetNulViolations } from './input-policy';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthExceeded', () => {
  it('accepts documents up to the limit and refuses the first level beyond it', () => {
    expect(jsonDepthExceeded(bytes(nested(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(jsonDepthExceeded(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe(0);
    expect(jsonDepthExceeded(bytes('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)))).toBe(0);
  });

  it('counts depth, not the number of brackets, and ignores brackets inside strings', () => {
    expect(jsonDepthExceeded(bytes(`[${Array(1000).fill('[1]').join(',')}]`), 2)).toBeUndefined();
    expect(jsonDepthExceeded(bytes(JSON.stringify({ s: '[[[[[[{{{{{{', t: '\\"[[[[' })), 1)).toBeUndefined();
    expect(jsonDepthExceeded(bytes(JSON.stringify({ name: '郑州市[交通]{运输}', list: [[1]] })), 2)).toBe(0);
  });

  it('keeps an escaped quote inside the string', () => {
    expect(jsonDepthExceeded(bytes('{"a":"x\\"[[[["}'), 1)).toBeUndefined();
  });

  it('for NDJSON, measures each line on its own and names the offending one', () => {
    const body = ['{"a":[1]}', '[[[[', '{"b":{"c":{}}}', nested(10)].join('\n');
    expect(jsonDepthExceeded(bytes(body), 4, true)).toBe(4);
    expect(jsonDepthExceeded(bytes(body), 10, true)).toBeUndefined();
  });
});

describe('ndjsonNulViolations', () => {
  it('names the line of a raw NUL byte and the field of a \\u0000 escape in a field name, 1-based', () => {
    const body = ['{"documentNumber":"ok"}', '{"documentNumber":"a\u0000b"}', '', '{"payload":{"k\\u0000":1}}', '[{"a\\u0000":{}}]'].join('\n');
    expect(ndjsonNulViolations(body).map((v) => [v.field, v.code])).toEqual([
      ['line[2]', 'NUL_CHARACTER'],
      ['line[4].payload.k\\u0000', 'NUL_CHARACTER'],
      ['line[5][0].a\\u0000', 'NUL_CHARACTER'],
    ]);
  });

  it('leaves NUL escapes in values (collection rejects that line alone), clean batches and lines that are not JSON alone', () => {
    expect(ndjsonNulViolations('{"a":"b"}\n{"c":1}')).toEqual([]);
    expect(ndjsonNulViolations('{"documentNumber":"x\\u0000"}')).toEqual([]);
    expect(ndjsonNulViolations('{"a\\\\u0000":"b"}')).toEqual([]);
    expect(ndjsonNulViolations('{"a\\u0000":"b"')).toEqual([]);
  });
});

describe('requestTargetNulViolations', () => {
  it('finds %00 in a path segment and NUL in query keys and values', () => {
    expect(requestTargetNulViolations('/public/v1/subjects/9135%00', {}).map((v) => v.field)).toEqual(['(path)']);
    expect(requestTargetNulViolations('/public/v1/subjects', { q: '\u0000' }).map((v) => v.field)).toEqual(['query.q']);
    expect(requestTargetNulViolations('/x', { tags: ['a', 'b\u0000'] }).map((v) => v.field)).toEqual(['query.tags[1]']);
  });

  it('passes ordinary targets, Chinese text and undecodable segments', () => {
    expect(requestTargetNulViolations('/public/v1/subjects/%E9%83%91%E5%B7%9E', { q: '郑州' })).toEqual([]);
    expect(requestTargetNulViolations('/a/%zz%00', {})).toEqual([]);
  });
});
