import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ZodType } from 'zod';
import { ConfigError, loadConfig } from '@platform/config';
import { grpcServerOptions } from '@platform/grpc';
import { GrpcObservabilityInterceptor } from './grpc-observability.interceptor';
import { installInternalIdentity } from './internal-identity';
import { assertMessagingRetention } from './messaging-retention';
import { HttpErrorWriter, TransportExceptionFilter } from './transport-exception.filter';
import { initMetrics } from '@platform/telemetry';
import type { BaseServiceConfig } from '@platform/config';
import type { ServiceDefinition } from './service-definition';

/** Loads and validates configuration; on failure prints what is wrong and exits with 78 (EX_CONFIG). */
export function loadConfigOrExit<C>(schema: ZodType<C>, service: string): C {
  try {
    return loadConfig(schema);
  } catch (error) {
    exitIfConfigError(error, service);
    throw error;
  }
}

function exitIfConfigError(error: unknown, service: string): void {
  if (error instanceof ConfigError) {
    process.stderr.write(`[${service}] ${error.message}\n`);
    process.exit(78);
  }
}

async function exitOnConfigError<T>(service: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    exitIfConfigError(error, service);
    throw error;
  }
}

export interface RunServiceOptions {
  /** Extra HTTP set-up (the gateway adds its API, OpenAPI and body parsers). */
  configureHttp?: (app: INestApplication) => void | Promise<void>;
  /** How HTTP errors are written (the gateway's problem+json mapping). */
  httpErrors?: HttpErrorWriter;
}

/** Boots one service: HTTP (probes, metrics, and for the gateway the API) and gRPC, with shutdown hooks. */
export async function runService(
  definition: ServiceDefinition,
  config: BaseServiceConfig,
  rootModule: DynamicModule,
  options: RunServiceOptions = {},
): Promise<INestApplication> {
  initMetrics(definition.name);
  // Configuration checked against the code's own settings (the messaging retention against every
  // consumer, ADR 0072) or against the files it names (the internal identity keys, ADR 0073) fails
  // here or while the modules initialise: same exit as a bad variable. (abortOnError: false lets a
  // provider's ConfigError reach this handler instead of Nest aborting the process.)
  const app = await exitOnConfigError(definition.name, () => {
    assertMessagingRetention(config);
    installInternalIdentity(config, definition.name);
    return NestFactory.create(rootModule, { bufferLogs: true, bodyParser: !options.configureHttp, abortOnError: false });
  });
  app.useLogger(app.get(Logger));
  const grpc = grpcServerOptions(`${config.GRPC_HOST}:${config.GRPC_PORT}`, definition.protoPackages);
  app.useGlobalFilters(new TransportExceptionFilter(options.httpErrors));
  app.useGlobalInterceptors(new GrpcObservabilityInterceptor());
  app.connectMicroservice({ ...grpc, options: { ...grpc.options, gracefulShutdown: true } }, { inheritAppConfig: true });
  await options.configureHttp?.(app);
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.GRPC_HOST);
  app.get(Logger).log(`${definition.name} up: http :${config.HTTP_PORT}, grpc :${config.GRPC_PORT}`);
  exitOnSignals(app, config.SHUTDOWN_GRACE_MS);
  return app;
}

/**
 * SIGTERM/SIGINT: close the app (Nest runs the shutdown hooks in order, see ServiceCoreModule)
 * and exit 0. A second signal, or a drain that outlives the grace period, exits at once.
 * (Nest's enableShutdownHooks re-raises the signal instead, which reports a clean drain as a kill.)
 */
function exitOnSignals(app: INestApplication, graceMs: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    const timer = setTimeout(() => {
      process.stderr.write(`shutdown exceeded ${graceMs} ms after ${signal}; exiting\n`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
