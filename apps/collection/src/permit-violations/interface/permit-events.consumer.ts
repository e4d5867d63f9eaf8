import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { RecordPermitViolationHandler } from '../application/record-permit-violation.handler';

/** Durable name; dead letters go to `deadletter.collection-permit-violations`. */
export const PERMIT_VIOLATIONS_DURABLE = 'collection-permit-violations';

/** `permits.violations.detected` (route conformance, checkpoints, false materials) → credit records. */
@Injectable()
export class PermitEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly handler: RecordPermitViolationHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.PermitViolationDetected, PERMIT_VIOLATIONS_DURABLE, {
      one: async (event, manager) => {
        await this.handler.execute(manager, event.data);
      },
    });
  }
}
