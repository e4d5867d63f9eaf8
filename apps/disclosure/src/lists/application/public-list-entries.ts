import { publicSubject, PUBLIC_LISTS } from '../domain/public-lists';
import type { PublicListEntryView } from './get-public-list.query';

export interface PublicListEntryRow {
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
  partner_region: string | null;
  partner_name: string | null;
}

export const PUBLIC_LIST_ENTRY_COLUMNS = `entry_id, publication_id, list_type, subject_kind, subject_id, subject_name, region, grounds, document_number,
  to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, partner_region, partner_name`;

/** Entries in force on the China date `$1`. */
export const IN_FORCE = `removed_on IS NULL AND starts_on <= $1::date AND (ends_on IS NULL OR ends_on >= $1::date)`;

export function toPublicListEntry(row: PublicListEntryRow): PublicListEntryView {
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
    partner: row.partner_region ? { region: row.partner_region, name: row.partner_name ?? '' } : undefined,
  };
}
