import fc from 'fast-check';
import { USCC_CHARSET, USCC_WEIGHTS, isValidUscc, parseUscc, usccCheckCharacter, usccRegionCode, usccRegistrationRegion, type Uscc } from './uscc';
import { normaliseCode } from './normalise';
import { replaceAt, validUsccArb } from './arbitraries.fixture';

const VALID = ['91350100M000100Y43', '91110108551385082Q'];

describe('USCC (GB 32100-2015)', () => {
  it('uses the weights 3^(i-1) mod 31 listed in the standard', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('has 31 code characters without I, O, S, V, Z', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
  });

  it.each(VALID)('accepts the known valid code %s', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: code });
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('accepts the national-level region 100000', () => {
    const body = '51100000MJ0000000';
    expect(isValidUscc(body + usccCheckCharacter(body))).toBe(true);
  });

  it.each(VALID)('rejects %s with any other check character', (code) => {
    for (const ch of USCC_CHARSET) {
      if (ch === code[17]) continue;
      expect(parseUscc(replaceAt(code, 17, ch))).toMatchObject({ ok: false, reason: 'CHECK_CHARACTER' });
    }
  });

  it('normalises whitespace, full width and case', () => {
    expect(parseUscc(' ９１３５０１００ｍ０００１００ｙ４３\u3000')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseUscc('91110108551385082q')).toEqual({ ok: true, value: '91110108551385082Q' });
  });

  it.each([
    ['', 'LENGTH'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    ['9135 0100M000100Y43', 'LENGTH'],
    ['91350100M000100I43', 'CHARSET'],
    ['91350100M0001O0Y43', 'CHARSET'],
    ['91350100M000100Y4-', 'CHARSET'],
    ['91ZZ0100M000100Y43', 'CHARSET'],
    ['91A50100M000100Y43', 'REGION'],
    ['91990100M000100Y43', 'REGION'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
  ])('rejects %p as %s', (code, reason) => {
    const result = parseUscc(code);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it('reads the region code from positions 3–8', () => {
    expect(usccRegionCode('91350100M000100Y43' as Uscc)).toBe('350100');
    expect(usccRegionCode('91110108551385082Q' as Uscc)).toBe('110108');
    // Registered there; a national registration (100000) is registered in no region.
    expect(usccRegistrationRegion('91350100M000100Y43' as Uscc)).toBe('350100');
    expect(usccRegistrationRegion('91100000M000100Y4X' as Uscc)).toBeUndefined();
  });

  it('usccCheckCharacter refuses malformed bodies', () => {
    expect(() => usccCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100M000100YI')).toThrow(RangeError);
  });

  describe('properties', () => {
    it('every generated code validates, however it is spelled', () => {
      fc.assert(
        fc.property(validUsccArb, (code) => {
          expect(parseUscc(code)).toEqual({ ok: true, value: code });
          expect(parseUscc(` ${code.toLowerCase()} `)).toEqual({ ok: true, value: code });
        }),
      );
    });

    it('any single-character change is detected', () => {
      const replacement = fc.constantFrom(...USCC_CHARSET, 'I', 'O', 'S', 'V', 'Z', '-', '#', '豫');
      fc.assert(
        fc.property(validUsccArb, fc.nat({ max: 17 }), replacement, (code, index, ch) => {
          fc.pre(ch !== code[index]);
          expect(isValidUscc(replaceAt(code, index, ch))).toBe(false);
        }),
      );
    });

    it('any swap of two different adjacent characters is detected', () => {
      // Holds because adjacent weights differ (w(i+1) = 3·w(i) mod 31); the check character
      // itself carries no weight, so swaps involving it are left out.
      fc.assert(
        fc.property(validUsccArb, fc.nat({ max: 15 }), (code, i) => {
          fc.pre(code[i] !== code[i + 1]);
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(isValidUscc(swapped)).toBe(false);
        }),
      );
    });

    it('a parsed value is already normalised', () => {
      fc.assert(
        fc.property(validUsccArb, (code) => {
          const parsed = parseUscc(code);
          expect(parsed.ok && normaliseCode(parsed.value) === parsed.value).toBe(true);
        }),
      );
    });
  });
});
