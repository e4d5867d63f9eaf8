import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { injectTraceHeaders } from '@platform/telemetry';
import { setCorsHeaders } from '../http/cors';
import { addressTracker, PUBLIC_THROTTLER, rateLimitKey } from '../http/rate-limit.guards';
import type { SlidingWindowThrottlerStorage } from '../http/sliding-window-storage';
import type { PublicProfiles } from './public-profiles';
import { PublicSubjectsHttpController } from './public-subjects.http.controller';

/** Exactly the canonical form (lower case or a query string take the full path); only a cached, hence valid, USCC is answered. */
const CANONICAL_PROFILE_PATH = /^\/public\/v1\/subjects\/([0-9A-Z]{18})$/;
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface ProfileFastPathOptions {
  limitPerWindow: number;
  windowMs: number;
  /** GATEWAY_CORS_ORIGINS: the same CORS answer the full path's middleware gives (ADR 0074). */
  corsOrigins: readonly string[];
}

/**
 * Cache hits of `GET /public/v1/subjects/{uscc}` answered ahead of Express and Nest (ADR 0032):
 * the public hot path, where routing, guards and the per-request logger cost twice the work of
 * the answer itself (docs/perf.md). It answers only what the full path would answer the same way —
 * a fresh cached copy (ADR 0030), counted against the same per-address limit in the same storage,
 * with the same headers (request id, traceparent, rate-limit, CORS, Cache-Control, ETag, 304). Everything
 * else — a miss, an address over its limit, any other request — goes to Express untouched, so
 * errors, 429s and loads stay in one place. Requests answered here are not access-logged.
 */
export class ProfileFastPath {
  constructor(
    private readonly profiles: Pick<PublicProfiles, 'peek'>,
    private readonly rateLimits: Pick<SlidingWindowThrottlerStorage, 'increment'>,
    private readonly options: ProfileFastPathOptions,
  ) {}

  /** Puts the fast path in front of the server's one request listener (Express). */
  install(server: Server): void {
    const listeners = server.listeners('request') as RequestListener[];
    if (listeners.length !== 1) throw new Error(`expected one request listener (Express), found ${listeners.length}`);
    const [express] = listeners;
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (!this.tryServe(request, response, express)) void express(request, response);
    });
  }

  /** Takes the request if its answer is a cached profile; `fallback` serves it if the limit says no. */
  tryServe(request: IncomingMessage, response: ServerResponse, fallback: RequestListener): boolean {
    if (request.method !== 'GET') return false;
    const match = CANONICAL_PROFILE_PATH.exec(request.url ?? '');
    const cached = match ? this.profiles.peek(match[1]) : undefined;
    if (!cached) return false;
    void this.answer(request, response, cached, fallback);
    return true;
  }

  private async answer(request: IncomingMessage, response: ServerResponse, cached: { body: Buffer; etag: string }, fallback: RequestListener): Promise<void> {
    // Express's req.ip without `trust proxy` (not set in this gateway) is the socket's address.
    const key = rateLimitKey(
      PublicSubjectsHttpController.name,
      PublicSubjectsHttpController.prototype.profile.name,
      PUBLIC_THROTTLER,
      addressTracker(request.socket.remoteAddress),
    );
    const { limitPerWindow: limit, windowMs } = this.options;
    const hits = await this.rateLimits.increment(key, windowMs, limit, windowMs, PUBLIC_THROTTLER);
    // Over the limit: the full path counts nothing more while blocked and answers the 429 itself.
    if (hits.isBlocked) return void fallback(request, response);
    const incoming = request.headers['x-request-id'];
    response.setHeader('X-Request-Id', typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID());
    const { traceparent } = injectTraceHeaders();
    if (traceparent) response.setHeader('traceparent', traceparent);
    response.setHeader(`X-RateLimit-Limit-${PUBLIC_THROTTLER}`, limit);
    response.setHeader(`X-RateLimit-Remaining-${PUBLIC_THROTTLER}`, Math.max(0, limit - hits.totalHits));
    response.setHeader(`X-RateLimit-Reset-${PUBLIC_THROTTLER}`, hits.timeToExpire);
    const origin = request.headers.origin;
    setCorsHeaders(this.options.corsOrigins, typeof origin === 'string' ? origin : undefined, (name, value) => response.setHeader(name, value));
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', cached.etag);
    if (request.headers['if-none-match'] === cached.etag) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': cached.body.length }).end(cached.body);
  }
}
