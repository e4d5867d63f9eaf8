import { disclosureV1 } from '@contracts';
import { JsonValue, parseJson } from '../json';

/** GET /public/v1/publication-log/items/{publicationId}: the hash-chained entries, content as JSON. */
export interface PublicationEntriesBody {
  entries: PublicationEntryBody[];
}

export interface PublicationEntryBody extends Omit<disclosureV1.PublicationEntry, 'contentJson'> {
  content: JsonValue;
}

export function toPublicationEntriesBody({ entries }: disclosureV1.ListPublicationEntriesResponse): PublicationEntriesBody {
  return { entries: entries.map(({ contentJson, ...entry }) => ({ ...entry, content: parseJson(contentJson) })) };
}
