import type { Principal } from '@platform/auth';

interface Entry {
  principal: Principal;
  expiresAtMs: number;
}

/**
 * Tokens whose signature, issuer and audience were verified, until they expire. An integrator
 * sends the same token for up to an hour, and an ES256 verification was the largest single cost
 * of a request in the gateway (docs/perf.md). Safe because tokens are stateless here (nothing
 * revokes one before its `exp`) and the key is the whole token, signature included: a token that
 * differs by one character is verified afresh. Bounded: the oldest entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs > this.now()) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  /** `exp` is the token's own claim (seconds since the epoch). */
  remember(token: string, principal: Principal, exp: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { principal, expiresAtMs: exp * 1000 });
  }
}
