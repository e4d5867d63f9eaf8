import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '@platform/auth';

/** The window of both named rate limits (per minute). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The per-client limit's throttler (GATEWAY_RATE_LIMIT_PER_MINUTE), on /api and /exchange and the gRPC face. */
export const API_THROTTLER = 'api';

/** Whom the per-client limit counts. */
export function clientTracker(principal: Pick<Principal, 'clientId'>): string {
  return `client:${principal.clientId}`;
}

/** Per-client limit on authenticated APIs; runs after authentication so the key cannot be forged. */
@Injectable()
export class ClientRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request['user'] as Principal | undefined;
    return principal ? clientTracker(principal) : addressTracker(request['ip'] as string | undefined);
  }

  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return rateLimitKey(context.getClass().name, context.getHandler().name, throttlerName, tracker);
  }
}

/** The public limit's throttler (GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE). */
export const PUBLIC_THROTTLER = 'public';

/** Whom the public limit counts: the caller's address. */
export function addressTracker(address: string | undefined): string {
  return `ip:${String(address)}`;
}

/**
 * The counter for one route, throttler and tracker: the library's key without its SHA-256 — the
 * storage is in process and never shown, and hashing was 3–4 % of a cached profile's cost
 * (docs/perf.md). Shared with the profile fast path (ADR 0032) and the gRPC face (GrpcFace), which
 * must count in the same storage.
 */
export function rateLimitKey(controller: string, handler: string, throttler: string, tracker: string): string {
  return `${controller}-${handler}-${throttler}-${tracker}`;
}

/** Per-address limit on the public API. */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return addressTracker(request['ip'] as string | undefined);
  }

  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return rateLimitKey(context.getClass().name, context.getHandler().name, throttlerName, tracker);
  }
}
