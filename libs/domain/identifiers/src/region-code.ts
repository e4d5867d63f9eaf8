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
 * The province-level divisions of GB/T 2260 by their two-digit prefix, with their names as the
 * standard lists them (what a person reads where a code would mean nothing): 1x North China,
 * 2x North-east, 3x East, 4x Central-South, 5x South-west, 6x North-west, 71 Taiwan, 81 Hong
 * Kong, 82 Macao.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
});

/** Province-level prefixes of GB/T 2260 (the first two digits). */
export const PROVINCE_PREFIXES: readonly string[] = Object.freeze(Object.keys(PROVINCE_NAMES));

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

/** The name of the province (GB/T 2260) a valid region code lies in, e.g. 410100 → 河南省. */
export function provinceNameOf(code: RegionCode): string {
  return PROVINCE_NAMES[code.slice(0, 2)];
}
