import { CallHandler, ExecutionContext, Injectable, NestInterceptor, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Observable, throwError } from 'rxjs';
import { DomainError, nulCharacterViolations, PlatformErrorCode } from '@platform/errors';

/**
 * The edge input policy on the gateway's gRPC face, as on REST: a request with U+0000 in any
 * string (at any depth, map keys included) is refused with INVALID_ARGUMENT and REQUEST.INVALID,
 * naming each field, before the face authenticates or forwards it — no service could store it.
 * HTTP requests pass untouched (body-parsing.ts applies the rule there).
 */
@Injectable()
export class GrpcNulCharacterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const violations = nulCharacterViolations(context.switchToRpc().getData());
    if (violations.length === 0) return next.handle();
    return throwError(() => DomainError.validation(PlatformErrorCode.InvalidBody, violations));
  }
}

/**
 * Registered as a module-level global interceptor: the gRPC listeners are built when runService
 * connects the microservice, before configureHttp could add one with app.useGlobalInterceptors.
 * It runs outside GrpcObservabilityInterceptor and before GrpcFace, so a refusal here has no
 * audit row or call metric (the caller sees INVALID_ARGUMENT and REQUEST.INVALID).
 */
export const GRPC_INPUT_POLICY: Provider = { provide: APP_INTERCEPTOR, useClass: GrpcNulCharacterInterceptor };
