import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { DomainError, grpcCodeForKind } from '@platform/errors';
import { grpcHandled } from '@platform/telemetry';

/**
 * What pino-http does for HTTP, for gRPC: one log line per call (with the trace id, via the
 * logger's mixin) and the `grpc_server_handling_seconds` histogram, by method and status.
 */
@Injectable()
export class GrpcObservabilityInterceptor implements NestInterceptor {
  private readonly logger = new Logger('gRPC');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const method = `${context.getClass().name}.${context.getHandler().name}`;
    const started = process.hrtime.bigint();
    const finish = (code: number, error?: unknown) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      grpcHandled.observe({ method, code: String(code) }, seconds);
      const fields = { method, code, durationMs: Math.round(seconds * 1000) };
      if (error instanceof DomainError) this.logger.log({ ...fields, errorCode: error.code }, 'grpc call refused');
      else if (error) this.logger.warn({ ...fields, err: error }, 'grpc call failed');
      else this.logger.log(fields, 'grpc call completed');
    };
    return next.handle().pipe(
      tap({
        complete: () => finish(0),
        error: (error: unknown) => finish(error instanceof DomainError ? grpcCodeForKind(error.kind) : 13, error),
      }),
    );
  }
}
