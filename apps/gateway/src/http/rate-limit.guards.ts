import { Injectable } from '@nestjs/common';
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
}
