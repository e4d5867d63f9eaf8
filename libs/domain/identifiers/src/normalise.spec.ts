import fc from 'fast-check';
import { normaliseCode, toHalfWidth } from './normalise';

describe('toHalfWidth', () => {
  it('maps full-width ASCII (U+FF01–FF5E) to ASCII and U+3000 to a space', () => {
    expect(toHalfWidth('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(toHalfWidth('ａｂｃ！～')).toBe('abc!~');
    expect(toHalfWidth('豫\u3000Ａ')).toBe('豫 A');
  });

  it('leaves other characters alone', () => {
    expect(toHalfWidth('豫A·12345挂')).toBe('豫A·12345挂');
    expect(toHalfWidth('\uff00\uff5f')).toBe('\uff00\uff5f');
  });

  it('produces no full-width ASCII and never changes the number of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = toHalfWidth(s);
        expect(/[\uff01-\uff5e\u3000]/.test(out)).toBe(false);
        expect([...out].length).toBe([...s].length);
      }),
    );
  });
});

describe('normaliseCode', () => {
  it('trims, collapses inner whitespace and upper-cases', () => {
    expect(normaliseCode('  9135 \t 0100m  ')).toBe('9135 0100M');
    expect(normaliseCode('\u3000ｘ１２\u3000')).toBe('X12');
  });

  it('is idempotent', () => {
    const arbitraries = [fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(' ', '\u3000', '\t', 'ａ', 'Ａ', 'a', '1', '１', '豫', 'ß') })];
    for (const arb of arbitraries) {
      fc.assert(
        fc.property(arb, (s) => {
          expect(normaliseCode(normaliseCode(s))).toBe(normaliseCode(s));
        }),
      );
    }
  });

  it('leaves no leading, trailing or repeated whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = normaliseCode(s);
        expect(out).toBe(out.trim());
        expect(/\s\s/.test(out)).toBe(false);
      }),
    );
  });
});
