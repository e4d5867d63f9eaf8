import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What happened to a published item. */
export type PublicationEvent = 'published' | 'corrected' | 'withdrawn' | 'expired';

/** The public facts of one log entry: an item shown (or no longer shown), or a credit report issued. */
export type PublicationContent = ItemContent | ReportContent | ListContent;

/** A subject put on or taken off a published list (names and IDs of individuals masked). */
export interface ListContent {
  event: 'listed' | 'delisted';
  publicationId: string;
  listType: string;
  subject: { kind: string; id: string; name: string };
  startsOn: string;
  endsOn: string | null;
  effectiveAt: string;
  reason?: string;
}

/** A credit report was issued: its code and the hash of exactly what it showed. */
export interface ReportContent {
  event: 'report-issued';
  /** The report's id (the log's item key). */
  publicationId: string;
  code: string;
  uscc: string;
  contentHash: string;
  effectiveAt: string;
}

/** What was shown (or stopped being shown) of one item, and from when. */
export interface ItemContent {
  event: PublicationEvent;
  publicationId: string;
  uscc: string;
  recordType: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  /** When the change took effect for the public (for `expired`: the end of the publicity period). */
  effectiveAt: string;
  /** Until when the item is (or was) to be shown. */
  publishedUntil: string;
  reason?: string;
}

export interface ChainEntry {
  seq: number;
  loggedAt: string;
  contentHash: string;
  prevHash: string;
  hash: string;
}

/**
 * The enterprises whose public profile these entries change: an item's subject, an enterprise
 * put on or taken off a list. Issuing a report changes no profile.
 */
export function profilesConcerned(contents: readonly PublicationContent[]): string[] {
  const usccs = new Set<string>();
  for (const content of contents) {
    if (content.event === 'report-issued') continue;
    if ('uscc' in content) usccs.add(content.uscc);
    else if (content.subject.kind === 'org') usccs.add(content.subject.id);
  }
  return [...usccs];
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the content in RFC 8785 canonical JSON: the same facts always hash the same. */
export function contentHashOf(content: PublicationContent | Record<string, unknown>): string {
  return sha256(canonicalize(content) as string);
}

/** An entry's hash binds its position, time and content to everything before it. */
export function entryHash(prevHash: string, seq: number, loggedAt: string, contentHash: string): string {
  return sha256(canonicalize({ prevHash, seq, loggedAt, contentHash }) as string);
}

export interface ChainCheck {
  intact: boolean;
  length: number;
  head: string;
  /** The first entry that does not fit: wrong content hash, wrong link, wrong hash or a gap. */
  brokenAt?: number;
  problem?: string;
}

/**
 * Walks entries in sequence order (pages may be fed one after another through `state`) and
 * reports the first that breaks the chain. Content is re-hashed by the caller from the stored
 * facts, so an edited fact, a deleted or inserted entry, or a rewritten hash are all caught.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private broken?: { seq: number; problem: string };

  /** Returns false once the chain is broken (stop feeding). */
  accept(entry: ChainEntry & { recomputedContentHash: string }): boolean {
    if (this.broken) return false;
    const problem =
      entry.seq !== this.expectedSeq
        ? `expected entry ${this.expectedSeq}, found ${entry.seq}`
        : entry.recomputedContentHash !== entry.contentHash
          ? 'the published facts do not match their hash'
          : entry.prevHash !== this.prevHash
            ? 'the link to the previous entry is wrong'
            : entryHash(entry.prevHash, entry.seq, entry.loggedAt, entry.contentHash) !== entry.hash
              ? 'the entry hash is wrong'
              : undefined;
    if (problem) {
      this.broken = { seq: entry.seq, problem };
      return false;
    }
    this.expectedSeq += 1;
    this.prevHash = entry.hash;
    return true;
  }

  result(): ChainCheck {
    return this.broken
      ? { intact: false, length: this.expectedSeq - 1, head: this.prevHash, brokenAt: this.broken.seq, problem: this.broken.problem }
      : { intact: true, length: this.expectedSeq - 1, head: this.prevHash };
  }
}

/** The facts of a published item as the log records them (no internal ids, no undefined fields). */
export function publicationContent(
  event: PublicationEvent,
  item: { publicationId: string; uscc: string; recordType: string; documentNumber: string; decisionDate: string; severity: string; publishedUntil: Date },
  effectiveAt: Date,
  reason?: string,
): ItemContent {
  return {
    event,
    publicationId: item.publicationId,
    uscc: item.uscc,
    recordType: item.recordType,
    documentNumber: item.documentNumber,
    decisionDate: item.decisionDate,
    severity: item.severity,
    effectiveAt: effectiveAt.toISOString(),
    publishedUntil: item.publishedUntil.toISOString(),
    ...(reason ? { reason } : {}),
  };
}
