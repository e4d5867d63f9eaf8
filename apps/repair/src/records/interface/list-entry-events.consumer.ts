import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventEnvelope, Events, ListEntryV1 } from '@contracts';
import { EventConsumers } from '@platform/service';
import type { ListEntryPartner } from '../domain/repair-list-entry';
import { RepairListEntriesRepository } from '../infrastructure/repair-list-entries.repository';

/**
 * Joint measures' list entry events (durable consumers with an inbox), applied to repair's copy of
 * the entries, so a list entry can be applied for without a synchronous call. A repaired entry
 * comes back as `measures.list-entries.removed` (reason `repair`). A partner's entry (origin
 * `partner-import`) keeps its provenance: its repair is the partner's to decide (ADR 0088).
 */
@Injectable()
export class ListEntryEventsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    const store = (event: EventEnvelope<ListEntryV1>, manager: EntityManager) => this.stored(event, manager);
    this.consumers.consume(Events.ListEntryEffective, 'repair-list-entries-effective', { one: store });
    this.consumers.consume(Events.ListEntryRemoved, 'repair-list-entries-removed', { one: store });
    this.consumers.consume(Events.ListEntryDropped, 'repair-list-entries-dropped', { one: store });
  }

  stored({ data }: EventEnvelope<ListEntryV1>, manager: EntityManager): Promise<void> {
    return RepairListEntriesRepository.upsert(manager, {
      entryId: data.entryId,
      listType: data.listType,
      subjectKind: data.subject.kind,
      subjectId: data.subject.id,
      subjectName: data.subject.name,
      region: data.region,
      status: data.status,
      startsOn: data.startsOn,
      version: data.version,
      partner: partnerOf(data),
    });
  }
}

/** The deciding partner of an entry joint measures imported from one; null for an entry decided here. */
export function partnerOf(entry: Pick<ListEntryV1, 'origin' | 'provenance'>): ListEntryPartner | null {
  if (entry.origin !== 'partner-import' || !entry.provenance) return null;
  return { region: entry.provenance.partnerRegion, sourceReference: entry.provenance.sourceReference };
}
