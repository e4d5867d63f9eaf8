import type { PublicationContent } from '../domain/hash-chain';

/** Every log entry about one published item (its `publicationId` from a public profile). */
export interface ListPublicationEntriesQuery {
  publicationId: string;
}

export interface LoggedEntry {
  seq: number;
  loggedAt: string;
  content: PublicationContent;
  contentHash: string;
  prevHash: string;
  hash: string;
}
