import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ExtractJwt } from 'passport-jwt';
import { assertScope, Principal, Scope } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { DisabledClients } from '../infrastructure/disabled-clients';
import { VerifiedTokenCache } from '../infrastructure/verified-token-cache';

/**
 * Authenticates with the bearer token: a token verified before (and not expired) is taken from
 * the cache, any other goes through passport-jwt. Turns passport's failures into stable codes:
 * missing, expired or invalid token.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly verified: VerifiedTokenCache,
    private readonly disabledClients: DisabledClients,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> | Observable<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const token = bearerToken(request);
    const principal = token ? this.verified.get(token) : undefined;
    if (!principal) return super.canActivate(context);
    assertClientEnabled(this.disabledClients, principal);
    request.user = principal;
    return true;
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false, info: unknown): T {
    if (error) throw error;
    if (principal) {
      assertClientEnabled(this.disabledClients, principal as unknown as Principal);
      return principal;
    }
    const name = (info as { name?: string } | undefined)?.name;
    if (name === 'TokenExpiredError') throw new DomainError(PlatformErrorCode.TokenExpired, 'unauthenticated', 'The access token has expired.');
    if (name === 'JsonWebTokenError' || name === 'NotBeforeError')
      throw new DomainError(PlatformErrorCode.TokenInvalid, 'unauthenticated', 'The access token is invalid.');
    throw new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', 'A bearer access token is required.');
  }
}

/** A valid token of a client disabled since it was issued is refused like an invalid one (ADR 0041). */
export function assertClientEnabled(disabledClients: DisabledClients, principal: Principal): void {
  if (disabledClients.has(principal.clientId)) {
    throw new DomainError(PlatformErrorCode.TokenInvalid, 'unauthenticated', 'The access token is invalid: its client has been disabled.');
  }
}

/** The raw bearer token, extracted exactly as the passport strategy does. */
export const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

export const REQUIRED_SCOPE = 'requiredScope';
export const RequireScope = (scope: Scope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Checks the capability's scope after authentication (services check region again). */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]);
    if (scope) assertScope(context.switchToHttp().getRequest<{ user: Principal }>().user, scope);
    return true;
  }
}
