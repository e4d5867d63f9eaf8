// Identifiers reach us typed on Chinese keyboards (IME full-width mode), pasted from Word or
// scanned by OCR, so the same code arrives in several spellings. These helpers map them to one.

const FULL_WIDTH_FIRST = 0xff01; // FULLWIDTH EXCLAMATION MARK
const FULL_WIDTH_LAST = 0xff5e; // FULLWIDTH TILDE
const FULL_WIDTH_OFFSET = 0xfee0; // distance from U+FF01..FF5E to ASCII U+0021..007E
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Full-width ASCII variants (Unicode block "Halfwidth and Fullwidth Forms", U+FF01–FF5E) become
 * ASCII, and the ideographic space U+3000 becomes a plain space. Everything else is unchanged.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    out += halfWidthChar(ch);
  }
  return out;
}

function halfWidthChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code === IDEOGRAPHIC_SPACE) return ' ';
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
    return String.fromCodePoint(code - FULL_WIDTH_OFFSET);
  }
  return ch;
}

/**
 * Canonical spelling of a code before validation: half-width, trimmed, inner whitespace runs
 * collapsed to one space, upper-cased. Idempotent (normaliseCode(normaliseCode(s)) === normaliseCode(s)).
 */
export function normaliseCode(s: string): string {
  return toHalfWidth(s).trim().replace(/\s+/g, ' ').toUpperCase();
}
