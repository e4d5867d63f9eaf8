import type { PartnerFeed } from '../domain/partner-feed';
import type { Jwks } from '../domain/feed-page';

/** The partner did not answer as a feed does (down, overloaded, or refusing us); the puller backs off. */
export class FeedUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedUnavailable';
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * HTTP to one partner's gateway as any partner client would use it (docs/exchange.md): an OAuth2
 * client-credentials token from `/api/v1/auth/token` (kept until shortly before it expires), the
 * JWKS, and the signed pages of `/exchange/v1/changes`.
 */
export class PartnerFeedClient {
  private token: { value: string; until: number } | null = null;
  private jwks: Jwks | null = null;

  constructor(
    readonly feed: PartnerFeed,
    private readonly now: () => number = Date.now,
  ) {}

  /** One page as the partner sent it (compact JWS), asked from `since` (absent: from the start). */
  async page(since: string | undefined): Promise<string> {
    const url = `${this.feed.baseUrl}/exchange/v1/changes${since ? `?since=${encodeURIComponent(since)}` : ''}`;
    let response = await this.get(url, await this.accessToken());
    if (response.status === 401) {
      // Our token may have been revoked or the partner's keys rotated: one new token, once.
      this.token = null;
      response = await this.get(url, await this.accessToken());
    }
    const body = await response.text();
    if (response.status !== 200) throw new FeedUnavailable(`GET ${url}: ${response.status} ${body.slice(0, 300)}`);
    return body.trim();
  }

  /**
   * Any other exchange call to the partner as this deployment's partner client (the permit-approval
   * relay, ADR 0080; the repair forwarder, ADR 0084): its status and JSON answer, whatever the
   * status; a network failure is FeedUnavailable.
   */
  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const url = `${this.feed.baseUrl}${path}`;
    // Bytes (an evidence file, ADR 0088) go as they are; anything else as JSON.
    const bytes = body instanceof Uint8Array;
    const send = async () =>
      this.fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${await this.accessToken()}`,
          ...(body === undefined ? {} : { 'content-type': bytes ? 'application/octet-stream' : 'application/json' }),
        },
        body: body === undefined ? undefined : bytes ? body : JSON.stringify(body),
      });
    let response = await send();
    if (response.status === 401) {
      this.token = null;
      response = await send();
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { detail: text.slice(0, 300) };
    }
    return { status: response.status, body: parsed };
  }

  /** The partner's keys, fetched again when `refresh` (a page named a kid we did not have). */
  async keys(refresh = false): Promise<Jwks> {
    if (this.jwks && !refresh) return this.jwks;
    const response = await this.get(this.feed.jwksUrl);
    if (response.status !== 200) throw new FeedUnavailable(`GET ${this.feed.jwksUrl}: ${response.status}`);
    const body = (await response.json()) as Jwks;
    if (!body || !Array.isArray(body.keys)) throw new FeedUnavailable(`GET ${this.feed.jwksUrl}: not a JWKS`);
    this.jwks = body;
    return body;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > this.now()) return this.token.value;
    const url = `${this.feed.baseUrl}/api/v1/auth/token`;
    const response = await this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.feed.clientId, client_secret: this.feed.clientSecret }),
    });
    if (response.status !== 200) throw new FeedUnavailable(`POST ${url}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    // Renewed a minute before it lapses, so a page is never asked with a token about to expire.
    this.token = { value: body.access_token, until: this.now() + Math.max((body.expires_in ?? 300) - 60, 10) * 1000 };
    return body.access_token;
  }

  private get(url: string, token?: string): Promise<Response> {
    return this.fetch(url, { headers: { accept: 'application/jose, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new FeedUnavailable(`${init.method ?? 'GET'} ${url}: ${(error as Error).message}`);
    }
  }
}
