import { randomBytes } from 'node:crypto';
import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { citizenIdCheckCharacter, usccCheckCharacter } from '@domain/identifiers';

/** Today's civil date in China (UTC+8 all year), as tests compute "today" for the services. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateOf(now);
}

/** The China civil date `days` before today. */
export function daysAgo(days: number, now: Date = new Date()): string {
  return addDays(chinaDateOf(now), -days);
}

/** The China civil date `days` after today. */
export function daysAhead(days: number, now: Date = new Date()): string {
  return addDays(chinaDateOf(now), days);
}

/** The China calendar month (`YYYY-MM`) `offset` months from this one (0 = this month). */
export function chinaMonth(offset = 0, now: Date = new Date()): string {
  return addMonths(chinaDateOf(now), offset).slice(0, 7);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid USCC (GB 32100-2015) for an enterprise of `region`, different on every call. */
export function makeUscc(region = '410100'): string {
  const organisation = Array.from(randomBytes(9), (b) => USCC_ALPHABET[b % USCC_ALPHABET.length]).join('');
  const first17 = `91${region}${organisation}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * A valid citizen ID (GB 11643-1999) of someone born in `region` (a county code), different on
 * almost every call: a random birth date in 1960–2004 and sequence number (about 15 million
 * combinations, so drivers made in one run do not collide).
 */
export function makeCitizenId(region = '410102'): string {
  const [a, b] = [randomBytes(2).readUInt16BE(), randomBytes(2).readUInt16BE()];
  const born = addDays('1960-01-01', a % 16_400).replaceAll('-', '');
  const first17 = `${region}${born}${String(b % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/** Polls (every `intervalMs`) until `accept` holds or the timeout passes; returns the last value either way. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
