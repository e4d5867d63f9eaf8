import { DomainError } from '@platform/errors';
import { MAX_BATCH_LINES, parseBatchLine, splitBatch } from './ndjson-batch';

describe('splitBatch', () => {
  it('keeps physical line numbers and skips blank lines', () => {
    expect(splitBatch('{"a":1}\n\n{"b":2}\r\n').map((l) => l.line)).toEqual([1, 3]);
  });

  it(`refuses an empty batch and one over ${MAX_BATCH_LINES} lines, whole`, () => {
    expect(() => splitBatch('\n \n')).toThrow(expect.objectContaining({ code: 'BATCH.EMPTY' }));
    const error = (() => {
      try {
        splitBatch('{}\n'.repeat(MAX_BATCH_LINES + 1));
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toMatchObject({ code: 'BATCH.TOO_MANY_LINES', kind: 'too-large' });
    expect(splitBatch('{}\n'.repeat(MAX_BATCH_LINES))).toHaveLength(MAX_BATCH_LINES);
  });
});

describe('parseBatchLine', () => {
  it('maps a line to a submission, payload as JSON', () => {
    const parsed = parseBatchLine(
      JSON.stringify({ recordType: 'administrative-penalty', subject: { kind: 'org', id: 'x', name: 'y' }, region: '410100', payload: { facts: 'f' } }),
    );
    expect(parsed).toMatchObject({ ok: true, raw: { recordType: 'administrative-penalty', region: '410100', payloadJson: '{"facts":"f"}', severity: '' } });
  });

  it.each([
    ['{"recordType":', 'MALFORMED_JSON'],
    ['[1,2]', 'NOT_AN_OBJECT'],
    ['{"recordType":"x","colour":"red"}', 'UNKNOWN_FIELD'],
    ['{"region":410100}', 'NOT_A_STRING'],
    ['{"subject":{"kind":"org"}}', 'INVALID_SUBJECT'],
    ['{"payload":[1]}', 'INVALID_PAYLOAD'],
  ])('refuses %s with %s', (line, code) => {
    const parsed = parseBatchLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.violations.map((v) => v.code)).toContain(code);
  });
});
