import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, ListEntryV1 } from '@contracts';
import { runUpdate } from '@platform/database';
import { PoisonMessageError } from '@platform/messaging';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { PUBLIC_LISTS, publicSubject } from '../domain/public-lists';

interface Row {
  publication_id: string;
  list_type: string;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  starts_on: string;
  ends_on: string | null;
}

/**
 * `measures.list-entries.effective|removed` → the published lists and the subjects' profiles,
 * each change in the publication log. Only entries in force are ever published (a proposal
 * during its prior-notice period is not); an older version than the one held is ignored. A newer
 * `effective` version of a removed entry lists it again: a revoked repair undoes the early removal
 * (DOMAIN.md §5, ADR 0065).
 */
@Injectable()
export class ProjectListEntryHandler {
  constructor(private readonly log: PublicationLog) {}

  async effective(event: EventEnvelope<ListEntryV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.ListEntryEffective.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const entry = event.data;
    if (!PUBLIC_LISTS[entry.listType] || !entry.startsOn) return;
    const subject = publicSubject(entry.subject.kind, entry.subject.id, entry.subject.name);
    const rows: Row[] = await manager.query(
      `INSERT INTO public_list_entries (entry_id, list_type, subject_kind, subject_id, subject_name, region, grounds, document_number, starts_on, ends_on, version, partner_region, partner_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (entry_id) DO UPDATE SET removed_on = NULL, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, grounds = EXCLUDED.grounds,
         document_number = EXCLUDED.document_number, version = EXCLUDED.version, partner_region = EXCLUDED.partner_region, partner_name = EXCLUDED.partner_name
       WHERE public_list_entries.version < EXCLUDED.version
       RETURNING publication_id, list_type, subject_kind, subject_id, subject_name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on`,
      [
        entry.entryId,
        entry.listType,
        subject.kind,
        entry.subject.id,
        subject.name,
        entry.region,
        entry.grounds,
        entry.decision?.documentNumber ?? entry.provenance?.sourceReference ?? '',
        entry.startsOn,
        entry.endsOn,
        entry.version,
        entry.provenance?.partnerRegion ?? null,
        entry.provenance?.partnerName ?? null,
      ],
    );
    if (rows[0]) await this.log.append(manager, [this.content('listed', rows[0], new Date(event.occurredAt))]);
  }

  async removed(event: EventEnvelope<ListEntryV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.ListEntryRemoved.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const entry = event.data;
    if (!PUBLIC_LISTS[entry.listType]) return;
    const removedOn = entry.removal?.removedOn ?? event.occurredAt.slice(0, 10);
    const { rows } = await runUpdate<Row>(
      manager,
      `UPDATE public_list_entries SET removed_on = $2, version = $3 WHERE entry_id = $1 AND removed_on IS NULL
       RETURNING publication_id, list_type, subject_kind, subject_id, subject_name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on`,
      [entry.entryId, removedOn, entry.version],
    );
    if (!rows[0]) {
      // Its `effective` event has not been handled yet (separate consumers): keep the removal, so
      // the older `effective` version arriving later changes nothing. Never published: no log entry.
      await manager.query(
        `INSERT INTO public_list_entries (entry_id, list_type, subject_kind, subject_id, subject_name, region, grounds, starts_on, ends_on, removed_on, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (entry_id) DO NOTHING`,
        [
          entry.entryId,
          entry.listType,
          entry.subject.kind,
          entry.subject.id,
          publicSubject(entry.subject.kind, entry.subject.id, entry.subject.name).name,
          entry.region,
          entry.grounds,
          entry.startsOn ?? removedOn,
          entry.endsOn,
          removedOn,
          entry.version,
        ],
      );
      return;
    }
    await this.log.append(manager, [this.content('delisted', rows[0], new Date(event.occurredAt), entry.removal?.reason)]);
  }

  private content(event: 'listed' | 'delisted', row: Row, at: Date, reason?: string) {
    const subject = publicSubject(row.subject_kind, row.subject_id, row.subject_name);
    return {
      event,
      publicationId: row.publication_id,
      listType: row.list_type,
      subject: { kind: subject.kind, id: subject.id, name: row.subject_name },
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      effectiveAt: at.toISOString(),
      ...(reason ? { reason } : {}),
    };
  }
}
