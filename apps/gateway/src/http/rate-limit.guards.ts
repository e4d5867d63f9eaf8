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

/** Per-address limit on the public API. */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return `ip:${String(request['ip'])}`;
  }

  /**
   * The same key as the library's (route, throttler, address) without its SHA-256: the storage
   * is in process and never shown, and hashing was 3–4 % of a cached profile's cost (docs/perf.md).
   */
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
  }
}
