import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, Events, RepairRecordRepairedV1, RepairRecordRepairRevokedV1 } from '@contracts';
import { EventConsumers } from '@platform/service';
import type { ApplyRepairCommand } from '../application/apply-repair.command';
import { ApplyRepairHandler } from '../application/apply-repair.handler';
import type { RevokeRepairCommand } from '../application/revoke-repair.command';
import { RevokeRepairHandler } from '../application/revoke-repair.handler';

/** Durable name; unusable repair events go to `deadletter.collection-repairs`. */
export const REPAIRS_DURABLE = 'collection-repairs';
/** Durable name of the consumer of revoked repairs. */
export const REPAIR_REVOCATIONS_DURABLE = 'collection-repair-revocations';

/** Registers the durable consumers of approved repairs (`repair.records.repaired`) and revoked ones (`repair.records.repair-revoked`). */
@Injectable()
export class RepairEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly repairs: ApplyRepairHandler,
    private readonly revocations: RevokeRepairHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RepairRecordRepaired, REPAIRS_DURABLE, {
      one: async (event, manager) => {
        await this.repairs.execute(toApplyRepairCommand(event), manager);
      },
    });
    this.consumers.consume(Events.RepairRecordRepairRevoked, REPAIR_REVOCATIONS_DURABLE, {
      one: async (event, manager) => {
        await this.revocations.execute(toRevokeRepairCommand(event), manager);
      },
    });
  }
}

function toApplyRepairCommand({ data }: EventEnvelope<RepairRecordRepairedV1>): ApplyRepairCommand {
  return {
    applicationId: data.applicationId,
    recordId: data.recordId,
    subjectId: data.subject.id,
    path: data.path,
    decidedBy: data.decidedBy,
    decidedAt: data.decidedAt,
    reason: data.reason,
  };
}

function toRevokeRepairCommand({ data }: EventEnvelope<RepairRecordRepairRevokedV1>): RevokeRepairCommand {
  return {
    applicationId: data.applicationId,
    recordId: data.recordId,
    subjectId: data.subject.id,
    revokedBy: data.revokedBy,
    revokedAt: data.revokedAt,
    reason: data.reason,
  };
}
