import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ReportFleetSizeHandler } from '../../entry-rules/application/report-fleet-size.handler';
import { DecideListEntryHandler } from '../application/decide-list-entry.handler';
import { ImportPartnerEntryHandler } from '../application/import-partner-entry.handler';
import { ListSubjectEntriesHandler } from '../application/list-subject-entries.handler';
import { ListPartnerEntriesHandler } from '../application/list-partner-entries.handler';
import { WithdrawPartnerEntryHandler } from '../application/withdraw-partner-entry.handler';
import { ListEntryChangesHandler } from '../application/list-entry-changes.handler';
import { ProposeListEntryHandler } from '../application/propose-list-entry.handler';
import { toListEntryProto } from './list-entry.mapper';

@Controller()
@measuresV1.ListEntryServiceControllerMethods()
export class ListEntriesGrpcController implements measuresV1.ListEntryServiceController {
  constructor(
    private readonly proposeHandler: ProposeListEntryHandler,
    private readonly decideHandler: DecideListEntryHandler,
    private readonly importHandler: ImportPartnerEntryHandler,
    private readonly subjectEntries: ListSubjectEntriesHandler,
    private readonly fleets: ReportFleetSizeHandler,
    private readonly partnerEntries: ListPartnerEntriesHandler,
    private readonly withdrawal: WithdrawPartnerEntryHandler,
    private readonly changes: ListEntryChangesHandler,
  ) {}

  async reportFleetSize(request: measuresV1.ReportFleetSizeRequest, metadata?: Metadata): Promise<measuresV1.ReportFleetSizeResponse> {
    const { fleet, stored, proposed } = await this.fleets.execute(principalFrom(metadata), {
      subjectId: request.subjectId,
      vehicles: request.vehicles,
      asOf: request.asOf,
      source: request.source,
    });
    return {
      subjectId: fleet.subjectId,
      vehicles: fleet.vehicles,
      asOf: fleet.asOf,
      source: fleet.source,
      stored,
      proposed: proposed.map((e) => toListEntryProto(e)),
    };
  }

  async proposeListEntry(request: measuresV1.ProposeListEntryRequest, metadata?: Metadata): Promise<measuresV1.ProposeListEntryResponse> {
    const { entry, replayed } = await this.proposeHandler.execute(principalFrom(metadata), {
      listType: request.listType,
      subjectId: request.subjectId,
      basisRecordIds: request.basisRecordIds,
      grounds: request.grounds,
      durationMonths: request.durationMonths,
      idempotencyKey: request.idempotencyKey,
    });
    return { entry: toListEntryProto(entry), replayed };
  }

  async decideListEntry(request: measuresV1.DecideListEntryRequest, metadata?: Metadata): Promise<measuresV1.DecideListEntryResponse> {
    const { entry, replayed } = await this.decideHandler.execute(principalFrom(metadata), {
      entryId: request.entryId,
      outcome: request.outcome,
      documentNumber: request.documentNumber,
      reason: request.reason,
      idempotencyKey: request.idempotencyKey,
    });
    return { entry: toListEntryProto(entry), replayed };
  }

  async listSubjectEntries(request: measuresV1.ListSubjectEntriesRequest, metadata?: Metadata): Promise<measuresV1.ListSubjectEntriesResponse> {
    const entries = await this.subjectEntries.execute(principalFrom(metadata), { subjectId: request.subjectId });
    return { entries: entries.map((e) => toListEntryProto(e)) };
  }

  async importPartnerEntry(request: measuresV1.ImportPartnerEntryRequest, metadata?: Metadata): Promise<measuresV1.ImportPartnerEntryResponse> {
    const { entry, replayed, change } = await this.importHandler.execute(principalFrom(metadata), {
      listType: request.listType,
      subject: request.subject,
      region: request.region,
      grounds: request.grounds,
      provenance: request.provenance,
      startsOn: request.startsOn,
      endsOn: request.endsOn,
      recognition: request.recognition,
      sourceVersion: request.sourceVersion,
    });
    return { entry: toListEntryProto(entry), replayed, change };
  }

  async listPartnerEntries(request: measuresV1.ListPartnerEntriesRequest, metadata?: Metadata): Promise<measuresV1.ListPartnerEntriesResponse> {
    const entries = await this.partnerEntries.execute(principalFrom(metadata), {
      entryId: request.entryId,
      state: request.state,
      sourceReference: request.sourceReference,
    });
    return { entries: entries.map((e) => toListEntryProto(e)) };
  }

  async withdrawPartnerEntry(request: measuresV1.WithdrawPartnerEntryRequest, metadata?: Metadata): Promise<measuresV1.WithdrawPartnerEntryResponse> {
    const { entry, replayed } = await this.withdrawal.execute(principalFrom(metadata), { entryId: request.entryId, reason: request.reason });
    return { entry: toListEntryProto(entry), replayed };
  }

  async listEntryChanges(request: measuresV1.ListEntryChangesRequest, metadata?: Metadata): Promise<measuresV1.ListEntryChangesResponse> {
    const { changes, head } = await this.changes.execute(principalFrom(metadata), { after: request.after, limit: request.limit });
    return { changes: changes.map((c) => ({ position: c.position, entry: toListEntryProto(c.entry) })), head };
  }
}
