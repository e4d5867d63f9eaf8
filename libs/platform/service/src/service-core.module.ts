import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@platform/database';
import { connectJetStream, ensureStreams, JetStreamHandles, MessagingNamespace, OutboxRelay } from '@platform/messaging';
import { pinoOptions } from '@platform/telemetry';
import { BaseServiceConfig } from '@platform/config';
import { EventConsumers } from './event-consumers';
import { HealthGrpcController } from './health.grpc.controller';
import { HealthHttpController } from './health.http.controller';
import { HealthState } from './health-state';
import { MessagingRetention } from './messaging-retention';
import { OutboxPublisher } from './outbox-publisher';
import { JETSTREAM, SERVICE_CONFIG, SERVICE_DEFINITION } from './tokens';
import type { ServiceDefinition } from './service-definition';

/**
 * Shutdown order on SIGTERM (Nest calls these hooks in this order):
 *   1. beforeApplicationShutdown: readiness turns false, consumers stop fetching and finish the
 *      message in hand, the relay stops after its current batch;
 *   2. Nest disposes the transports: gRPC shuts down gracefully (in-flight calls finish) and
 *      the HTTP server stops accepting and finishes open requests;
 *   3. onApplicationShutdown: NATS drains, the pool closes.
 */
@Global()
@Module({})
export class ServiceCoreModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ServiceRuntime');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumers,
    private readonly health: HealthState,
    private readonly retention: MessagingRetention,
    private readonly dataSource: DataSource,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
  ) {}

  static forRoot(definition: ServiceDefinition, config: BaseServiceConfig): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...pinoOptions(definition.name, config.LOG_LEVEL),
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
          },
        }),
      ],
      controllers: [HealthHttpController, HealthGrpcController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_DEFINITION, useValue: definition },
        { provide: MessagingNamespace, useValue: new MessagingNamespace(config.NATS_SUBJECT_PREFIX) },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDatabase({
              schema: definition.schema,
              url: config.DATABASE_URL,
              adminUrl: config.DATABASE_ADMIN_URL,
              entities: definition.entities,
              migrations: definition.migrations,
              poolSize: config.DB_POOL_SIZE,
              applicationName: definition.name,
              migrate: config.DB_MIGRATE_ON_BOOT,
            }),
        },
        {
          provide: JETSTREAM,
          inject: [MessagingNamespace],
          useFactory: async (ns: MessagingNamespace) => {
            const handles = await connectJetStream(config.NATS_URL, definition.name);
            await ensureStreams(handles.jsm, ns, [...definition.streams, 'DEADLETTER'], config.NATS_STREAM_REPLICAS);
            return handles;
          },
        },
        {
          provide: OutboxRelay,
          inject: [JETSTREAM, MessagingNamespace],
          useFactory: (jetstream: JetStreamHandles, ns: MessagingNamespace) =>
            new OutboxRelay(jetstream.js, ns, {
              schema: definition.schema,
              databaseUrl: config.DATABASE_URL,
              pollIntervalMs: config.OUTBOX_POLL_MS,
              coalesceMs: config.OUTBOX_COALESCE_MS,
              onError: (error) => new Logger('OutboxRelay').error(error),
            }),
        },
        EventConsumers,
        HealthState,
        OutboxPublisher,
        MessagingRetention,
      ],
      exports: [SERVICE_CONFIG, SERVICE_DEFINITION, MessagingNamespace, DataSource, JETSTREAM, EventConsumers, OutboxPublisher, HealthState],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    await this.consumers.startAll();
    this.retention.start();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`shutting down (${signal ?? 'close'}): draining consumers and outbox`);
    this.health.startDraining();
    await this.consumers.stopAll();
    await this.relay.stop();
    await this.retention.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jetstream.nc.drain().catch(() => undefined);
    await this.dataSource.destroy().catch(() => undefined);
    this.logger.log('stopped');
  }
}
