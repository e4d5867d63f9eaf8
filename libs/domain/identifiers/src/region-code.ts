import { fail, ok, type Result } from './result';
import { normaliseCode } from './normalise';

/**
 * GB/T 2260 administrative division code (行政区划代码): six digits, two per level —
 * province (省), prefecture/city (地市), county (区县). Henan is 410000, Zhengzhou 410100,
 * Zhengzhou's Zhongyuan district 410102.
 */
export type RegionCode = string & { readonly __brand: 'RegionCode' };

export type RegionLevel = 'province' | 'city' | 'county';

export type RegionCodeFailureReason = 'FORMAT' | 'PROVINCE';

/**
 * Province-level prefixes of GB/T 2260 (the first two digits): 1x North China, 2x North-east,
 * 3x East, 4x Central-South, 5x South-west, 6x North-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
 */
export const PROVINCE_PREFIXES: readonly string[] = Object.freeze([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

const PROVINCE_PREFIX_SET = new Set(PROVINCE_PREFIXES);

export function isProvincePrefix(twoDigits: string): boolean {
  return PROVINCE_PREFIX_SET.has(twoDigits);
}

export function parseRegionCode(input: string): Result<RegionCode, RegionCodeFailureReason> {
  const code = normaliseCode(input);
  if (!/^\d{6}$/.test(code)) {
    return fail('FORMAT', `a region code is 6 digits (GB/T 2260), got "${code}"`);
  }
  if (!isProvincePrefix(code.slice(0, 2))) {
    return fail('PROVINCE', `"${code.slice(0, 2)}" is not a GB/T 2260 province prefix`);
  }
  return ok(code as RegionCode);
}

export function isValidRegionCode(input: string): boolean {
  return parseRegionCode(input).ok;
}

/** GB/T 2260: trailing "0000" marks a province, trailing "00" a prefecture-level city. */
export function regionLevel(code: RegionCode): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The digits that carry meaning at the code's level: "41" for 410000, "4101" for 410100. */
export function regionPrefix(code: RegionCode): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/**
 * Whether `code` lies inside `scope` (a scope contains itself). Used to limit what a provincial
 * or municipal user may see: 410000 contains 410102, 410100 contains 410102 but not 410200.
 */
export function regionContains(scope: RegionCode, code: RegionCode): boolean {
  return code.startsWith(regionPrefix(scope));
}

export function provinceOf(code: RegionCode): RegionCode {
  return `${code.slice(0, 2)}0000` as RegionCode;
}

/** The prefecture-level code above a county; a city is its own city; a province has none. */
export function cityOf(code: RegionCode): RegionCode | undefined {
  if (regionLevel(code) === 'province') return undefined;
  return `${code.slice(0, 4)}00` as RegionCode;
}
