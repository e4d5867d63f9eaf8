import { DomainError } from '@platform/errors';
import { ExchangeErrorCode } from './exchange-errors';
import { registeredWithin } from './recognition-agreement';

/** A list entry as the feed needs it (joint measures' ListEntry). */
export interface FeedListEntry {
  id: string;
  listType: string;
  subject?: { kind: string; id: string; name: string };
  region: string;
  status: string;
  origin: string;
  version: number;
  startsOn: string;
  endsOn: string;
  grounds: string;
  decision?: { outcome: string; decidedOn: string; documentNumber: string };
  removal?: { reason: string; removedOn: string };
}

/**
 * A published record as the feed carries it (ADR 0079): the facts the public sees, the record's
 * id (so a partner can refer to it, e.g. in a repair application), and `version`, the record's
 * publication version — raised by every change of what the public sees (published, corrected,
 * withdrawn, expired, published again).
 */
export interface FeedRecord {
  id: string;
  recordType: string;
  subject: { kind: 'org'; id: string; name: string };
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  summary: string;
  publishedUntil: string;
  version: number;
  /** Collection's version of the record shown. */
  recordVersion: number;
  effectiveAt: string;
  removal?: { reason: string; removedAt: string };
}

/** A published record's newest log entry as disclosure answers it (ListRecordChanges). */
export interface RecordChangeSource {
  position: string;
  event: string;
  publicationVersion: number;
  recordId: string;
  recordType: string;
  subjectId: string;
  subjectName: string;
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  summary: string;
  publishedUntil: string;
  recordVersion: number;
  reason: string;
  effectiveAt: string;
}

/**
 * One change of the feed. `id` is stable (the entry or record and its version): a reader that
 * receives a change twice (at-least-once) recognises it. `type` says what the partner must do:
 * hold it as in force, or withdraw it (repair, revocation, expiry, delisting: DOMAIN.md §5
 * "sharing with others stops"). `position` orders changes of one kind (`list-entry.*` among
 * themselves, `record.*` among themselves).
 */
export type FeedChange =
  | { id: string; position: string; type: 'list-entry.in-force' | 'list-entry.withdrawn'; entry: FeedListEntry }
  | { id: string; position: string; type: 'record.in-force' | 'record.withdrawn'; record: FeedRecord };

/** Where a reader stands in each source: joint measures' list entries, disclosure's publication log. */
export interface FeedPositions {
  list: string;
  records: string;
}

/** A cursor as read: the positions it names, and the cursor to echo as the page's `since`. */
export interface ReadCursor {
  positions: FeedPositions;
  since: string;
}

const POSITION = '(\\d{1,18})';
const CURSOR_V1 = new RegExp(`^c1\\.${POSITION}$`);
const CURSOR_V2 = new RegExp(`^c2\\.${POSITION}\\.${POSITION}$`);

/** The cursor for a pair of positions (version 2: list entries and records). */
export function cursorOf(positions: FeedPositions): string {
  return `c2.${positions.list}.${positions.records}`;
}

/**
 * The positions a cursor names: absent → the start of both sources; `c1.<list>` (handed out
 * before records joined the feed) → that list position and the records from their start, so a
 * list-only reader receives every record once and continues on `c2` cursors; `c2.<list>.<records>`
 * → both. Anything else was not handed out by this feed → 400 EXCHANGE.CURSOR_INVALID. Whether
 * it lies ahead of the feed is `assertNotAhead`'s.
 */
export function readCursor(cursor: string | undefined): ReadCursor {
  if (cursor === undefined || cursor === '') return { positions: { list: '0', records: '0' }, since: cursorOf({ list: '0', records: '0' }) };
  const v1 = CURSOR_V1.exec(cursor);
  if (v1) return { positions: { list: trim(v1[1]), records: '0' }, since: `c1.${trim(v1[1])}` };
  const v2 = CURSOR_V2.exec(cursor);
  if (v2) {
    const positions = { list: trim(v2[1]), records: trim(v2[2]) };
    return { positions, since: cursorOf(positions) };
  }
  throw DomainError.validation(ExchangeErrorCode.CursorInvalid, [
    { field: 'since', message: 'not a cursor of this feed (c2.<list position>.<record position>, or c1.<list position>)', code: 'CURSOR_INVALID' },
  ]);
}

function trim(position: string): string {
  return position.replace(/^0+(?=\d)/, '');
}

/** A cursor beyond the newest position of either source was never handed out (a reader's state from another feed, or forged). */
export function assertNotAhead(positions: FeedPositions, head: FeedPositions): void {
  if (BigInt(positions.list) > BigInt(head.list) || BigInt(positions.records) > BigInt(head.records))
    throw DomainError.validation(ExchangeErrorCode.CursorAhead, [
      { field: 'since', message: `the feed's newest position is ${cursorOf(head)}; this cursor is ahead of it`, code: 'CURSOR_AHEAD' },
    ]);
}

/**
 * What a partner sees of an entry change (issue 20 item 1: only what it has a reason to see):
 * our own decisions (not what partners sent us), about subjects registered in its region, once
 * decided — in force, or withdrawn after having been in force. Proposals, dropped and not-applied
 * entries are nobody's decision yet.
 */
export function shareableChange(partnerRegion: string, position: string, entry: FeedListEntry): FeedChange | null {
  if (entry.origin === 'partner-import' || !entry.subject) return null;
  if (!registeredWithin(partnerRegion, entry.subject)) return null;
  const decided = entry.decision?.outcome === 'confirmed';
  if (entry.status === 'effective') return { id: `list-entry:${entry.id}:v${entry.version}`, position, type: 'list-entry.in-force', entry };
  if (entry.status === 'removed' && decided) return { id: `list-entry:${entry.id}:v${entry.version}`, position, type: 'list-entry.withdrawn', entry };
  return null;
}

const IN_FORCE_EVENTS = new Set(['published', 'corrected']);
const WITHDRAWN_EVENTS = new Set(['withdrawn', 'expired']);

/**
 * What a partner sees of a published record's change (ADR 0079): a record about an enterprise
 * registered in its region (the same identifier rule as list entries; disclosure already answers
 * only those, and only our own records — this is the gateway's own check of the rule) is in
 * force while published or corrected, and withdrawn once revoked, repaired or expired. The id
 * names the record and its publication version, so a re-read page repeats the same ids.
 */
export function shareableRecordChange(partnerRegion: string, change: RecordChangeSource): FeedChange | null {
  const subject = { kind: 'org' as const, id: change.subjectId, name: change.subjectName };
  if (!registeredWithin(partnerRegion, subject)) return null;
  const withdrawn = WITHDRAWN_EVENTS.has(change.event);
  if (!withdrawn && !IN_FORCE_EVENTS.has(change.event)) return null;
  const record: FeedRecord = {
    id: change.recordId,
    recordType: change.recordType,
    subject,
    region: change.region,
    severity: change.severity,
    decisionDate: change.decisionDate,
    documentNumber: change.documentNumber,
    summary: change.summary,
    publishedUntil: change.publishedUntil,
    version: change.publicationVersion,
    recordVersion: change.recordVersion,
    effectiveAt: change.effectiveAt,
    ...(withdrawn ? { removal: { reason: change.reason || change.event, removedAt: change.effectiveAt } } : {}),
  };
  const id = `record:${change.recordId}:v${change.publicationVersion}`;
  return withdrawn ? { id, position: change.position, type: 'record.withdrawn', record } : { id, position: change.position, type: 'record.in-force', record };
}

/** What was read from one source after the reader's position. */
export interface SourceRead {
  /** The changes the partner may see, in the source's order. */
  changes: FeedChange[];
  /** Past everything read, shared or not: where the next page starts. */
  next: string;
  head: string;
}

/** The unsigned body of a page: both sources' changes after the cursor, and where to go on. */
export interface FeedPage {
  since: string;
  next: string;
  head: string;
  changes: FeedChange[];
}

/**
 * One page over both sources: each source's changes in its own order (list entries first, then
 * records); `next` moves each position past what was read of it, so resuming from `next` skips
 * nothing of either, and `next` equals `head` once both are caught up.
 */
export function feedPage(since: ReadCursor, list: SourceRead, records: SourceRead): FeedPage {
  const head = { list: list.head, records: records.head };
  assertNotAhead(since.positions, head);
  return {
    since: since.since,
    next: cursorOf({ list: list.next, records: records.next }),
    head: cursorOf(head),
    changes: [...list.changes, ...records.changes],
  };
}
