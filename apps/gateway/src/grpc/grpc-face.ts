import { Inject, Injectable } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { assertScope, Principal, Scope } from '@platform/auth';
import { DomainError, GrpcCode, grpcCodeForKind, PlatformErrorCode } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { currentTraceId } from '@platform/telemetry';
import { AuditLog } from '../audit/audit-log';
import { TokenService } from '../auth/application/token.service';
import { API_THROTTLER, clientTracker, RATE_LIMIT_WINDOW_MS, rateLimitKey } from '../http/rate-limit.guards';
import { SlidingWindowThrottlerStorage } from '../http/sliding-window-storage';
import type { GatewayConfig } from '../gateway.definition';

/** Audit-log `method` of a call on the gRPC face (REST rows carry the HTTP method). */
export const GRPC_AUDIT_METHOD = 'GRPC';

/** One method of the gateway's gRPC face and the rules it is held to. */
export interface GrpcFaceMethod {
  /** The full method path, e.g. `/gateway.v1.CreditRecordsGatewayService/SubmitRecord`: the audit row's path and the rate limit's route. */
  path: string;
  /** None: any authenticated client (a REST route without RequireScope). */
  scope: Scope | undefined;
  /**
   * Whether a call that succeeds is audited. Every write is; a decision is not, because joint
   * measures logs each answered decision itself (ADR 0035) — its refusals are audited here.
   */
  auditAnswered: boolean;
}

/**
 * What guards and middleware do for REST, for the gateway's gRPC face, in the same order and
 * against the same state: the bearer token (verified once, VerifiedTokenCache), the per-client
 * limit counted in the same storage as REST's ClientRateLimitGuard, the scope, and a row in the
 * audit log for every call, refused ones included — the status column then holds the gRPC code
 * (`method` = GRPC tells the two apart).
 */
@Injectable()
export class GrpcFace {
  constructor(
    private readonly tokens: TokenService,
    private readonly rateLimits: SlidingWindowThrottlerStorage,
    private readonly auditLog: AuditLog,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Runs `handle` for the caller named by the call's bearer token, if the method's rules let it. */
  async call<T>(
    method: GrpcFaceMethod,
    metadata: Metadata | undefined,
    handle: (principal: Principal) => Promise<T>,
    audit: { idempotencyKey?: string } = {},
  ): Promise<T> {
    const traceId = currentTraceId() ?? null;
    let principal: Principal | undefined;
    try {
      principal = this.tokens.verify(bearerToken(metadata));
      await this.countCall(method, principal);
      if (method.scope) assertScope(principal, method.scope);
      const result = await handle(principal);
      if (method.auditAnswered) this.audit(method, metadata, principal, GrpcCode.OK, traceId, audit.idempotencyKey);
      return result;
    } catch (error) {
      this.audit(method, metadata, principal, error instanceof DomainError ? grpcCodeForKind(error.kind) : GrpcCode.INTERNAL, traceId, audit.idempotencyKey);
      throw error;
    }
  }

  private async countCall(method: GrpcFaceMethod, principal: Principal): Promise<void> {
    const limit = this.config.GATEWAY_RATE_LIMIT_PER_MINUTE;
    const key = rateLimitKey(GrpcFace.name, method.path, API_THROTTLER, clientTracker(principal));
    const { isBlocked } = await this.rateLimits.increment(key, RATE_LIMIT_WINDOW_MS, limit, RATE_LIMIT_WINDOW_MS, API_THROTTLER);
    if (isBlocked) throw new DomainError(PlatformErrorCode.RateLimited, 'rate-limited', `More than ${limit} calls a minute to ${method.path}; retry later.`);
  }

  private audit(
    method: GrpcFaceMethod,
    metadata: Metadata | undefined,
    principal: Principal | undefined,
    code: number,
    traceId: string | null,
    idempotencyKey?: string,
  ): void {
    const requestId = metadata?.get('x-request-id')[0]?.toString();
    this.auditLog.record({
      at: new Date(),
      clientId: principal?.clientId ?? null,
      method: GRPC_AUDIT_METHOD,
      path: method.path,
      status: code,
      traceId,
      requestId: requestId ? requestId.slice(0, 100) : null,
      idempotencyKey: idempotencyKey ? idempotencyKey.slice(0, 200) : null,
    });
  }
}

/** The token of `authorization: Bearer <jwt>`; a call without one is unauthenticated. */
function bearerToken(metadata: Metadata | undefined): string {
  const header = metadata?.get('authorization')[0]?.toString() ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token) throw new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', 'A bearer access token is required in the authorization metadata.');
  return token;
}
