// fast-check generators shared by this lib's specs. Not exported from index.ts.
import fc from 'fast-check';
import { PROVINCE_PREFIXES } from './region-code';
import { USCC_CHARSET, usccCheckCharacter } from './uscc';
import { citizenIdCheckCharacter } from './citizen-id';
import { PLATE_PROVINCES } from './plate';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const plateLetter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ');
const plateAlnum = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZ');
const plateString = (n: number) => fc.string({ unit: plateAlnum, minLength: n, maxLength: n });

export const provincePrefixArb = fc.constantFrom(...PROVINCE_PREFIXES);

export const regionCodeArb = fc.tuple(provincePrefixArb, digits(4)).map(([province, rest]) => province + rest);

export const validUsccArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 2, maxLength: 2 }),
    regionCodeArb,
    fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => {
    const body = head + region + org;
    return body + usccCheckCharacter(body);
  });

/** Birth dates between 1900-01-01 and 2024-12-31; specs use a later "today". */
export const birthDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const validCitizenIdArb = fc.tuple(regionCodeArb, birthDateArb, digits(3)).map(([region, birth, sequence]) => {
  const body = region + birth.replaceAll('-', '') + sequence;
  return body + citizenIdCheckCharacter(body);
});

const provinceArb = fc.constantFrom(...PLATE_PROVINCES);

export const ordinaryPlateArb = fc.tuple(provinceArb, plateLetter, plateString(5)).map(([p, a, s]) => p + a + s);

export const smallNevPlateArb = fc.tuple(provinceArb, plateLetter, fc.constantFrom('D', 'F'), plateAlnum, digits(4)).map((parts) => parts.join(''));

export const largeNevPlateArb = fc.tuple(provinceArb, plateLetter, digits(5), fc.constantFrom('D', 'F')).map((parts) => parts.join(''));

export const suffixedPlateArb = fc.tuple(provinceArb, plateLetter, plateString(4), fc.constantFrom('挂', '学')).map((parts) => parts.join(''));

/** Replaces the character at `index` with `replacement`. */
export function replaceAt(s: string, index: number, replacement: string): string {
  return s.slice(0, index) + replacement + s.slice(index + 1);
}
