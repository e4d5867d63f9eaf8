import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventDefinition, EventEnvelope } from '@contracts';
import {
  appendManyToOutbox,
  appendToOutbox,
  KeyedEvent,
  KeyedWrite,
  NewEvent,
  writeKeyedWithOutbox,
  writeWithOutbox,
  WriteStatement,
  WriteWithOutboxOptions,
} from '@platform/messaging';
import { SERVICE_DEFINITION } from './tokens';
import type { ServiceDefinition } from './service-definition';

/** Use cases call this inside their transaction; the relay publishes after commit. */
@Injectable()
export class OutboxPublisher {
  constructor(@Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition) {}

  append<TData>(manager: EntityManager, event: EventDefinition<TData>, payload: NewEvent<TData>): Promise<EventEnvelope<TData>> {
    return appendToOutbox(manager, this.definition.schema, event, payload);
  }

  appendMany<TData>(manager: EntityManager, event: EventDefinition<TData>, payloads: readonly NewEvent<TData>[]): Promise<EventEnvelope<TData>[]> {
    return appendManyToOutbox(manager, this.definition.schema, event, payloads);
  }

  /** One statement for a write whose rows may be skipped and the events of the rows written (see writeKeyedWithOutbox). */
  writeKeyed<TData>(manager: EntityManager, write: KeyedWrite, event: EventDefinition<TData>, events: readonly KeyedEvent<TData>[]): Promise<string[]> {
    return writeKeyedWithOutbox(manager, this.definition.schema, write, event, events);
  }

  /** One statement for a single-statement write and its events, no transaction (see writeWithOutbox). */
  writeWith<TData>(
    dataSource: DataSource,
    write: WriteStatement,
    event: EventDefinition<TData>,
    payloads: readonly NewEvent<TData>[],
    options?: WriteWithOutboxOptions,
  ): Promise<EventEnvelope<TData>[]> {
    return writeWithOutbox(dataSource, this.definition.schema, write, event, payloads, options);
  }
}
