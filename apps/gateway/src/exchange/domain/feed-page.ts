import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { decode, verify } from 'jsonwebtoken';
import { z } from 'zod';

/** The partner's published keys (RFC 7517), as far as a page's verification needs them. */
export interface Jwks {
  keys: (JsonWebKey & { kid?: string })[];
}

/** What a page must be checked against: who signed it, for whom, and from which cursor it was asked. */
export interface PageExpectation {
  issuer: string;
  /** `exchange:<our province>`. */
  audience: string;
  /** The cursor this page was asked with (`undefined`: from the start). */
  since: string | undefined;
  /** Seconds since the epoch, for `exp`/`iat` (injected: tests). */
  now: number;
}

export interface FeedPage {
  since: string;
  next: string;
  head: string;
  /** Each change as sent: checked one by one later, so one bad change does not refuse the page. */
  changes: { id: string; position: string; type: string; entry?: unknown; [key: string]: unknown }[];
}

/** Why a page was refused; it is never applied and the cursor does not move. */
export class PageRefused extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown-key' | 'algorithm' | 'signature' | 'expired' | 'audience' | 'issuer' | 'replayed' | 'not-a-page',
    message: string,
  ) {
    super(message);
    this.name = 'PageRefused';
  }
}

const pageSchema = z.object({
  since: z.string(),
  next: z.string().min(1),
  head: z.string().min(1),
  changes: z.array(z.object({ id: z.string().min(1), position: z.string().min(1), type: z.string().min(1) }).passthrough()),
});

/** The key a page names by its `kid`; `null` when the JWKS has none (the caller fetches the JWKS again once). */
export function keyFor(jwks: Jwks, kid: string): KeyObject | null {
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return null;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new PageRefused('algorithm', `key ${kid} is not an EC P-256 key`);
  return createPublicKey({ key: jwk, format: 'jwk' });
}

/** The `kid` of a compact JWS, refusing anything that is not an ES256 exchange page before any key is looked up. */
export function pageKeyId(jws: string): string {
  const decoded = decode(jws, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new PageRefused('malformed', 'not a compact JWS with a JSON payload');
  const header = decoded.header;
  // Only ES256: `none`, HMAC (a public key used as a shared secret) and RSA are never accepted.
  if (header.alg !== 'ES256') throw new PageRefused('algorithm', `alg ${String(header.alg)} is not ES256`);
  if (header.typ !== 'exchange-page+jwt') throw new PageRefused('not-a-page', `typ ${String(header.typ)} is not exchange-page+jwt`);
  if (!header.kid) throw new PageRefused('unknown-key', 'the page names no kid');
  return header.kid;
}

/**
 * A page verified as the partner's, for us, current, and the answer to the cursor we asked with
 * (docs/exchange.md "Following a partner's feed"): signature with the named key, ES256 only, `iss`,
 * `aud`, `exp`, and `since`. A page answering another cursor is a replay from another position.
 */
export function verifyPage(jws: string, key: KeyObject, expect: PageExpectation): FeedPage {
  let claims: unknown;
  try {
    claims = verify(jws, key, { algorithms: ['ES256'], audience: expect.audience, issuer: expect.issuer, clockTimestamp: expect.now, clockTolerance: 30 });
  } catch (error) {
    const message = (error as Error).message;
    if ((error as Error).name === 'TokenExpiredError') throw new PageRefused('expired', message);
    if (message.includes('audience')) throw new PageRefused('audience', message);
    if (message.includes('issuer')) throw new PageRefused('issuer', message);
    if (message.includes('signature')) throw new PageRefused('signature', message);
    throw new PageRefused('malformed', message);
  }
  const claimSet = claims as Record<string, unknown>;
  if (typeof claimSet.exp !== 'number') throw new PageRefused('expired', 'the page carries no exp');
  const page = pageSchema.safeParse(claims);
  if (!page.success) throw new PageRefused('malformed', page.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const asked = expect.since ?? '';
  // Asked from the start, the feed answers with its start cursor; anything else must be what we sent.
  const answers = asked === '' ? isStartCursor(page.data.since) : page.data.since === asked;
  if (!answers) throw new PageRefused('replayed', `the page answers since=${page.data.since}, we asked since=${asked || '(start)'}`);
  return page.data;
}

/**
 * The feed's start: every position of the cursor 0 (`c1.0`; `c2.0.0` once records joined the feed,
 * ADR 0079; `c3.0.0.0` once grades did, ADR 0085). Otherwise opaque to us; this much is documented so a page from a later position can
 * never pass for the start.
 */
export function isStartCursor(cursor: string): boolean {
  return /^c\d+(\.0+)+$/.test(cursor);
}
