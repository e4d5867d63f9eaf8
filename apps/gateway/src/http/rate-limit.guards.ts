import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '@platform/auth';

/** Per-client limit on authenticated APIs; runs after authentication so the key cannot be forged. */
@Injectable()
export class ClientRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request['user'] as Principal | undefined;
    return principal ? `client:${principal.clientId}` : `ip:${String(request['ip'])}`;
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
 * (docs/perf.md). Shared with the profile fast path (ADR 0032), which must count in the same place.
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
