import fc from 'fast-check';
import { CITIZEN_ID_WEIGHTS, citizenIdBirthDate, citizenIdCheckCharacter, isValidCitizenId, parseCitizenId, type CitizenId } from './citizen-id';
import { replaceAt, validCitizenIdArb } from './arbitraries.fixture';

const TODAY = '2025-06-30';

/** Builds a valid ID from its first 17 digits. */
function withCheck(first17: string): string {
  return first17 + citizenIdCheckCharacter(first17);
}

describe('citizen ID (GB 11643-1999)', () => {
  it('weights are 2^(18-i) mod 11 (ISO 7064 MOD 11-2)', () => {
    expect(CITIZEN_ID_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11));
  });

  it.each(['11010519491231002X', '440524188001010014'])('accepts the GB 11643 example %s', (id) => {
    expect(parseCitizenId(id, TODAY)).toEqual({ ok: true, value: id });
    expect(isValidCitizenId(id, TODAY)).toBe(true);
  });

  it('accepts a lower-case x, full-width digits and surrounding spaces', () => {
    expect(parseCitizenId(' 11010519491231002x ', TODAY)).toEqual({ ok: true, value: '11010519491231002X' });
    expect(parseCitizenId('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts Taiwan residents’ residence permit numbers (830000)', () => {
    expect(isValidCitizenId(withCheck('83000019900101001'), TODAY)).toBe(true);
  });

  it.each([
    ['', 'LENGTH'],
    ['110105194912310', 'LENGTH'], // the old 15-digit form
    ['11010519491231002XX', 'LENGTH'],
    ['1101051949123100XX', 'CHARSET'],
    ['X1010519491231002X', 'CHARSET'],
    ['11010519491231002Y', 'CHARSET'],
    ['99010519491231002X', 'REGION'],
    ['10010519491231002X', 'REGION'],
    ['110105194902300021', 'BIRTH_DATE'], // 30 February
    ['110105194913010021', 'BIRTH_DATE'], // month 13
    ['110105194900010021', 'BIRTH_DATE'], // month 0
    ['110105000101010021', 'BIRTH_DATE'], // year 1
    ['110105194912310021', 'CHECK_CHARACTER'],
  ])('rejects %p as %s', (id, reason) => {
    const result = parseCitizenId(id, TODAY);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it('accepts 29 February only in leap years', () => {
    expect(isValidCitizenId(withCheck('11010520000229002'), TODAY)).toBe(true);
    expect(parseCitizenId(withCheck('11010519000229002'), TODAY)).toMatchObject({ reason: 'BIRTH_DATE' });
  });

  it('rejects birth dates after today but accepts one born today', () => {
    const bornToday = withCheck('41010220250630001');
    const bornTomorrow = withCheck('41010220250701001');
    expect(isValidCitizenId(bornToday, TODAY)).toBe(true);
    expect(parseCitizenId(bornTomorrow, TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    expect(isValidCitizenId(bornTomorrow, '2025-07-01')).toBe(true);
  });

  it('requires today to be an ISO date', () => {
    expect(() => parseCitizenId('11010519491231002X', '2025/06/30')).toThrow(RangeError);
    expect(() => parseCitizenId('11010519491231002X', '2025-02-30')).toThrow(RangeError);
  });

  it('reads the birth date', () => {
    expect(citizenIdBirthDate('11010519491231002X' as CitizenId)).toBe('1949-12-31');
  });

  it('citizenIdCheckCharacter refuses malformed bodies', () => {
    expect(() => citizenIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => citizenIdCheckCharacter('1101051949123100X')).toThrow(RangeError);
  });

  describe('properties', () => {
    it('every generated ID validates', () => {
      fc.assert(
        fc.property(validCitizenIdArb, (id) => {
          expect(parseCitizenId(id, TODAY)).toEqual({ ok: true, value: id });
        }),
      );
    });

    it('any single-character change is detected', () => {
      const replacement = fc.constantFrom(...'0123456789X', 'Y', '-', '豫');
      fc.assert(
        fc.property(validCitizenIdArb, fc.nat({ max: 17 }), replacement, (id, index, ch) => {
          fc.pre(ch !== id[index]);
          expect(isValidCitizenId(replaceAt(id, index, ch), TODAY)).toBe(false);
        }),
      );
    });

    it('any swap of two different adjacent digits among the first 17 is detected', () => {
      fc.assert(
        fc.property(validCitizenIdArb, fc.nat({ max: 15 }), (id, i) => {
          fc.pre(id[i] !== id[i + 1]);
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          expect(isValidCitizenId(swapped, TODAY)).toBe(false);
        }),
      );
    });
  });
});
