import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListEntryCommands, toProto } from '../application/list-entry-commands';

@Controller()
@measuresV1.ListEntryServiceControllerMethods()
export class ListEntriesGrpcController implements measuresV1.ListEntryServiceController {
  constructor(private readonly commands: ListEntryCommands) {}

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
