/**
 * A position in the licence reminder feed (ADR 0045): the notice's sequence number, opaque to
 * integrators (base64url). The start of the feed is the position before every notice.
 */
export const FEED_START = '0';

const DECIMAL = /^(0|[1-9]\d{0,18})$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function encodeFeedPosition(seq: string): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

/** The position (a decimal `seq`) a cursor names, or undefined when it is not one this API gave. */
export function decodeFeedPosition(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('seq:')) return undefined;
  const seq = text.slice(4);
  return DECIMAL.test(seq) && BigInt(seq) <= MAX_BIGINT ? seq : undefined;
}
