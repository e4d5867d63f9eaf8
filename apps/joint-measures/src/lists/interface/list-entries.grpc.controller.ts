import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ReportFleetSizeCommand } from '../../entry-rules/application/report-fleet-size.command';
import { ListEntryCommands, toProto } from '../application/list-entry-commands';

@Controller()
@measuresV1.ListEntryServiceControllerMethods()
export class ListEntriesGrpcController implements measuresV1.ListEntryServiceController {
  constructor(
    private readonly commands: ListEntryCommands,
    private readonly fleets: ReportFleetSizeCommand,
  ) {}

  async reportFleetSize(request: measuresV1.ReportFleetSizeRequest, metadata?: Metadata): Promise<measuresV1.ReportFleetSizeResponse> {
    const { fleet, stored, proposed } = await this.fleets.execute(principalFrom(metadata), request);
    return { subjectId: fleet.subjectId, vehicles: fleet.vehicles, asOf: fleet.asOf, source: fleet.source, stored, proposed: proposed.map((e) => toProto(e)) };
  }

  async proposeListEntry(request: measuresV1.ProposeListEntryRequest, metadata?: Metadata): Promise<measuresV1.ProposeListEntryResponse> {
    const { entry, replayed } = await this.commands.propose(principalFrom(metadata), request);
    return { entry: toProto(entry), replayed };
  }

  async decideListEntry(request: measuresV1.DecideListEntryRequest, metadata?: Metadata): Promise<measuresV1.DecideListEntryResponse> {
    const { entry, replayed } = await this.commands.decide(principalFrom(metadata), request);
    return { entry: toProto(entry), replayed };
  }

  async listSubjectEntries(request: measuresV1.ListSubjectEntriesRequest, metadata?: Metadata): Promise<measuresV1.ListSubjectEntriesResponse> {
    const entries = await this.commands.ofSubject(principalFrom(metadata), request.subjectId);
    return { entries: entries.map((e) => toProto(e)) };
  }

  async importPartnerEntry(request: measuresV1.ImportPartnerEntryRequest, metadata?: Metadata): Promise<measuresV1.ImportPartnerEntryResponse> {
    const { entry, replayed } = await this.commands.importFromPartner(principalFrom(metadata), request);
    return { entry: toProto(entry), replayed };
  }
}
