import { normaliseCode } from './normalise';

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
