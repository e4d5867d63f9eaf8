import { normaliseCode } from './normalise';
import { citizenIdCheckCharacter } from './citizen-id';

// Public output never shows a citizen ID or a person's full name (DOMAIN.md §1, §6; GB/T
// 35273-2020, personal information security specification: restricted display).

const MASK = '*';
const ID_KEEP_HEAD = 3;
const ID_KEEP_TAIL = 4;

/**
 * Keeps the first 3 and last 4 characters: "410***********1234". Three leading digits name only
 * the province and part of the city, never the county or the birth date, while the tail lets a
 * person recognise their own record — the common practice on Chinese government portals.
 * Anything too short to mask that way is masked completely.
 */
export function maskCitizenId(id: string): string {
  const chars = [...normaliseCode(id)];
  if (chars.length <= ID_KEEP_HEAD + ID_KEEP_TAIL) return MASK.repeat(chars.length);
  const head = chars.slice(0, ID_KEEP_HEAD).join('');
  const tail = chars.slice(-ID_KEEP_TAIL).join('');
  return head + MASK.repeat(chars.length - ID_KEEP_HEAD - ID_KEEP_TAIL) + tail;
}

/**
 * Keeps the first character (usually the family name) and masks the rest: 张三 → 张*,
 * 欧阳娜娜 → 欧***. Counts code points, so rare characters outside the BMP count once.
 * A one-character name is masked completely, since keeping it would reveal it.
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return MASK.repeat(chars.length);
  return chars[0] + MASK.repeat(chars.length - 1);
}

/** 17 digits and a check character, not inside a longer code (a USCC has letters in it or is read as one). */
const CITIZEN_ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17})([\dXx])(?![0-9A-Za-z])/g;

/**
 * Masks, like `maskCitizenId`, every citizen ID inside a text whose GB 11643 check character
 * holds: for paths and URLs that name a person (`/api/v1/registry/drivers/{citizenId}`) before
 * they reach a log line or the audit log. Other numbers (a USCC, a plate, an 18-digit document
 * number with the wrong check) are left alone.
 */
export function maskCitizenIdsInText(text: string): string {
  return text.replace(CITIZEN_ID_IN_TEXT, (match: string, first17: string, check: string) =>
    citizenIdCheckCharacter(first17) === check.toUpperCase() ? maskCitizenId(match) : match,
  );
}
