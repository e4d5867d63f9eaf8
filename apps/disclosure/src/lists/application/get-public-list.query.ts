/** One page of a published list (`red`, `key-watch`, `severe-dishonesty`, `bad-driver`) from `offset`. */
export interface GetPublicListQuery {
  listType: string;
  offset: number;
}

/** An entry in force, as the public sees it (individuals masked). */
export interface PublicListEntryView {
  listType: string;
  listName: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  grounds: string;
  documentNumber: string;
  startsOn: string;
  /** Empty when open-ended. */
  endsOn: string;
  publicationId: string;
  /** The partner province whose entry this is (seed 004 shared lists); absent for this platform's own. */
  partner?: { region: string; name: string };
}

export interface PublicListView {
  listType: string;
  name: string;
  entries: PublicListEntryView[];
  /** Empty on the last page. */
  nextCursor: string;
}
