import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@contracts';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers, OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { ApplyRegistryEventHandler } from './application/apply-registry-event.handler';
import { GetSubjectEvaluationsHandler } from './application/get-subject-evaluations.handler';
import { StandingCalculator } from './application/standing-calculator';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RegistryEventsConsumer } from './interface/registry-events.consumer';

/** Evaluation's standing as the service runs it: the production record and registry consumers behind real durables with an inbox. */
export interface StandingPipeline {
  db: TestDatabase;
  dataSource: DataSource;
  messaging: TestMessaging;
  calculator: StandingCalculator;
  query: GetSubjectEvaluationsHandler;
  /** Publishes an event envelope (filed under `region`) to the stream the consumers read; returns its id. */
  publish<T>(subject: string, subjectId: string, data: T, id?: string): Promise<string>;
  stop(): Promise<void>;
}

/** A database cloned as `name`, isolated messaging, and the consumers started (integration specs of the registry feed). */
export async function startStandingPipeline(name: string, region: string): Promise<StandingPipeline> {
  const db = await cloneTestDatabase(name);
  const dataSource = await db.dataSource(evaluationDefinition);
  const messaging = await isolatedMessaging();
  const registry = new SchemeRegistry(dataSource);
  await registry.onModuleInit();
  const calculator = new StandingCalculator(registry, new OutboxPublisher(evaluationDefinition as ServiceDefinition));
  const consumers: InboxConsumer[] = [];
  const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
    consume: EventConsumers.prototype.consume,
    register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
      void consumers.push(
        new InboxConsumer(dataSource, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler),
      ),
  };
  new RecordEventsConsumer(registrar as EventConsumers, new ApplyRecordEventHandler(calculator)).onModuleInit();
  new RegistryEventsConsumer(registrar as EventConsumers, new ApplyRegistryEventHandler(calculator)).onModuleInit();
  for (const consumer of consumers) await consumer.start();
  return {
    db,
    dataSource,
    messaging,
    calculator,
    query: new GetSubjectEvaluationsHandler(dataSource, calculator),
    async publish<T>(subject: string, subjectId: string, data: T, id: string = randomUUID()): Promise<string> {
      const envelope: EventEnvelope<T> = { id, type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId, region, data };
      await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope));
      return id;
    },
    async stop() {
      for (const consumer of consumers) await consumer.stop();
      await messaging.cleanup();
      await db.drop();
    },
  };
}
