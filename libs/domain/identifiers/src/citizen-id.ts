import { fail, ok, type Result } from './result';
import { normaliseCode } from './normalise';
import { isProvincePrefix } from './region-code';
import { isIsoDate, isRealDate } from './civil-date';

/**
 * Citizen identity number (公民身份号码), GB 11643-1999: 6-digit address code (GB/T 2260),
 * 8-digit birth date YYYYMMDD, 3-digit sequence (odd for men), 1 check character.
 * Only the 18-character form is accepted: first-generation cards carrying the 15-digit
 * GB 11643-1989 form stopped being valid on 2013-01-01.
 */
export type CitizenId = string & { readonly __brand: 'CitizenId' };

export type CitizenIdFailureReason = 'LENGTH' | 'CHARSET' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export const CITIZEN_ID_LENGTH = 18;

/** GB 11643-1999 (ISO 7064 MOD 11-2): weight of position i is 2^(18-i) mod 11. */
export const CITIZEN_ID_WEIGHTS: readonly number[] = Object.freeze([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);

/** GB 11643-1999: check character indexed by Σ(aᵢ·wᵢ) mod 11; "X" stands for 10. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * Residence permits for Taiwan residents (港澳台居民居住证, State Council 2018) use the address
 * code 830000, which is not a GB/T 2260 province; Hong Kong (81) and Macao (82) permits use theirs.
 */
const RESIDENCE_PERMIT_PREFIXES = new Set(['83']);

/**
 * Birth dates before this cannot belong to a living person; the bound keeps absurd years such as
 * 0001 out while staying far below any real birth date.
 */
const EARLIEST_BIRTH_YEAR = 1850;

export function citizenIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`expected 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) sum += Number(first17[i]) * CITIZEN_ID_WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * @param today the current date in China (ISO `YYYY-MM-DD`); passed in so parsing stays pure.
 */
export function parseCitizenId(input: string, today: string): Result<CitizenId, CitizenIdFailureReason> {
  assertIsoDate(today);
  const id = normaliseCode(input);
  if (id.length !== CITIZEN_ID_LENGTH) {
    return fail('LENGTH', `a citizen ID has 18 characters (GB 11643-1999), got ${id.length}`);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('CHARSET', 'a citizen ID is 17 digits followed by a digit or X');
  }
  return checkRegion(id) ?? checkBirthDate(id, today) ?? checkCharacter(id) ?? ok(id as CitizenId);
}

export function isValidCitizenId(input: string, today: string): boolean {
  return parseCitizenId(input, today).ok;
}

/** The birth date encoded at positions 7–14, as ISO `YYYY-MM-DD`. */
export function citizenIdBirthDate(id: CitizenId): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function checkRegion(id: string) {
  const prefix = id.slice(0, 2);
  if (isProvincePrefix(prefix) || RESIDENCE_PERMIT_PREFIXES.has(prefix)) return undefined;
  return fail('REGION' as const, `address code "${id.slice(0, 6)}" has no GB/T 2260 province prefix`);
}

function checkBirthDate(id: string, today: string) {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const iso = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(year, month, day) || year < EARLIEST_BIRTH_YEAR) {
    return fail('BIRTH_DATE' as const, `positions 7–14 "${id.slice(6, 14)}" are not a real birth date`);
  }
  // ISO dates of equal length compare correctly as strings.
  if (iso > today) {
    return fail('BIRTH_DATE' as const, `birth date ${iso} is after today (${today})`);
  }
  return undefined;
}

function checkCharacter(id: string) {
  const expected = citizenIdCheckCharacter(id.slice(0, 17));
  if (id[17] === expected) return undefined;
  return fail('CHECK_CHARACTER' as const, `check character should be "${expected}", got "${id[17]}"`);
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`today must be an ISO date YYYY-MM-DD, got "${date}"`);
}
