import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { disclosureV1 } from '@contracts';
import { DomainError } from '@platform/errors';
import { PUBLIC_LISTS, publicSubject } from '../domain/public-lists';

const PAGE = 50;

interface Row {
  entry_id: string;
  publication_id: string;
  list_type: string;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  region: string;
  grounds: string;
  document_number: string;
  starts_on: string;
  ends_on: string | null;
}

const COLUMNS = `entry_id, publication_id, list_type, subject_kind, subject_id, subject_name, region, grounds, document_number,
  to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on`;
const IN_FORCE = `removed_on IS NULL AND starts_on <= $1::date AND (ends_on IS NULL OR ends_on >= $1::date)`;

/** Published lists, and a subject's memberships: only entries in force today (China time). */
@Injectable()
export class PublicListsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(listType: string, offset: number, now = new Date()): Promise<disclosureV1.GetPublicListResponse> {
    if (!PUBLIC_LISTS[listType]) throw DomainError.notFound('PUBLIC.UNKNOWN_LIST', `No published list "${listType.slice(0, 40)}"; published: ${Object.keys(PUBLIC_LISTS).join(', ')}.`);
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
      throw DomainError.validation('PUBLIC.INVALID_QUERY', [{ field: 'cursor', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' }]);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM public_list_entries WHERE list_type = $2 AND ${IN_FORCE} ORDER BY starts_on DESC, entry_id LIMIT ${PAGE + 1} OFFSET $3`,
      [chinaDateOf(now), listType, offset],
    );
    return {
      listType,
      name: PUBLIC_LISTS[listType],
      entries: rows.slice(0, PAGE).map(toEntry),
      nextCursor: rows.length > PAGE ? String(offset + PAGE) : '',
    };
  }

  async memberships(uscc: string, now = new Date()): Promise<disclosureV1.PublicListEntry[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM public_list_entries WHERE subject_id = $2 AND ${IN_FORCE} ORDER BY starts_on DESC`, [chinaDateOf(now), uscc]);
    return rows.filter((r) => PUBLIC_LISTS[r.list_type]).map(toEntry);
  }
}

function toEntry(row: Row): disclosureV1.PublicListEntry {
  const subject = publicSubject(row.subject_kind, row.subject_id, row.subject_name);
  return {
    listType: row.list_type,
    listName: PUBLIC_LISTS[row.list_type] ?? row.list_type,
    subject: { kind: subject.kind, id: subject.id, name: row.subject_name },
    region: row.region,
    grounds: row.grounds,
    documentNumber: row.document_number,
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? '',
    publicationId: row.publication_id,
  };
}
