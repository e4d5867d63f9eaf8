import { fail, ok, type Result } from './result';
import { normaliseCode } from './normalise';
import { isProvincePrefix, isValidRegionCode } from './region-code';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015. Branded so that only a parsed,
 * normalised code can be stored as an organisation's identity.
 */
export type Uscc = string & { readonly __brand: 'Uscc' };

export type UsccFailureReason = 'LENGTH' | 'CHARSET' | 'REGION' | 'CHECK_CHARACTER';

/** GB 32100-2015 (code character set): the 31 code characters (values 0–30); I, O, Z, S, V are excluded. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const USCC_LENGTH = 18;

/**
 * Positions 3–8 are "100000" for bodies registered at national level (e.g. national social
 * organisations registered with the Ministry of Civil Affairs), which has no province prefix.
 */
export const USCC_NATIONAL_REGION = '100000';

const MODULUS = 31;

/** GB 32100-2015 (check character): weight of position i (1-based) is 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Object.freeze(Array.from({ length: USCC_LENGTH - 1 }, (_, i) => powMod(3, i, MODULUS)));

function powMod(base: number, exponent: number, modulus: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = (result * base) % modulus;
  return result;
}

function charValue(ch: string): number {
  return USCC_CHARSET.indexOf(ch);
}

/**
 * GB 32100-2015 (check character): check = 31 − (Σ cᵢ·wᵢ mod 31), with 31 written as 0.
 * Throws on malformed input because callers pass code they already validated.
 */
export function usccCheckCharacter(first17: string): string {
  const body = normaliseCode(first17);
  if (body.length !== USCC_LENGTH - 1 || firstBadChar(body) !== -1) {
    throw new RangeError(`expected 17 GB 32100 code characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += charValue(body[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(MODULUS - (sum % MODULUS)) % MODULUS];
}

function firstBadChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (charValue(s[i]) < 0) return i;
  }
  return -1;
}

function isValidUsccRegion(region: string): boolean {
  if (!/^\d{6}$/.test(region)) return false;
  return region === USCC_NATIONAL_REGION || isProvincePrefix(region.slice(0, 2));
}

export function parseUscc(input: string): Result<Uscc, UsccFailureReason> {
  const code = normaliseCode(input);
  if (code.length !== USCC_LENGTH) {
    return fail('LENGTH', `a USCC has 18 characters (GB 32100-2015), got ${code.length}`);
  }
  const bad = firstBadChar(code);
  if (bad !== -1) {
    return fail('CHARSET', `"${code[bad]}" at position ${bad + 1} is not a GB 32100 code character`);
  }
  const region = code.slice(2, 8);
  if (!isValidUsccRegion(region)) {
    return fail('REGION', `positions 3–8 "${region}" are not a GB/T 2260 region code`);
  }
  const expected = usccCheckCharacter(code.slice(0, USCC_LENGTH - 1));
  if (code[USCC_LENGTH - 1] !== expected) {
    return fail('CHECK_CHARACTER', `check character should be "${expected}", got "${code[USCC_LENGTH - 1]}"`);
  }
  return ok(code as Uscc);
}

export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}

/** GB 32100-2015 §4 (code structure): positions 3–8 hold the registering authority's GB/T 2260 region code. */
export function usccRegionCode(uscc: Uscc): string {
  return uscc.slice(2, 8);
}

/**
 * Where the enterprise is registered, as a region a client's scope can contain: its registering
 * authority's code (`usccRegionCode`), or undefined for one registered nationally (100000), which
 * is no place.
 */
export function usccRegistrationRegion(uscc: Uscc): string | undefined {
  const code = usccRegionCode(uscc);
  return code !== USCC_NATIONAL_REGION && isValidRegionCode(code) ? code : undefined;
}
