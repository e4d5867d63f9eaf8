import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { PUBLIC_LISTS } from '../domain/public-lists';
import type { PublicListEntryView } from './get-public-list.query';
import { IN_FORCE, PUBLIC_LIST_ENTRY_COLUMNS, PublicListEntryRow, toPublicListEntry } from './public-list-entries';

/** A subject's memberships of the published lists in force today (China time), for its profile. */
@Injectable()
export class SubjectListMemberships {
  constructor(private readonly dataSource: DataSource) {}

  async of(uscc: string, now = new Date()): Promise<PublicListEntryView[]> {
    const rows: PublicListEntryRow[] = await this.dataSource.query(
      `SELECT ${PUBLIC_LIST_ENTRY_COLUMNS} FROM public_list_entries WHERE subject_id = $2 AND ${IN_FORCE} ORDER BY starts_on DESC`,
      [chinaDateOf(now), uscc],
    );
    return rows.filter((r) => PUBLIC_LISTS[r.list_type]).map(toPublicListEntry);
  }
}
