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
 * A public grade as the feed carries it (ADR 0085): an enterprise's grade under one of our
 * schemes, as the public profile shows it (DOMAIN.md §6), and `version`, raised by every change of
 * what the public sees of it (graded, graded again, withdrawn, shown again).
 */
export interface FeedGrade {
  subject: { kind: 'org'; id: string; name: string };
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  effectiveAt: string;
  removal?: { reason: string; removedAt: string };
}

/** A public grade's newest change as disclosure answers it (ListGradeChanges). */
export interface GradeChangeSource {
  position: string;
  state: string;
  version: number;
  subjectId: string;
  subjectName: string;
  schemeId: string;
  schemeName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  reason: string;
  effectiveAt: string;
}

/**
 * One change of the feed. `id` is stable (the entry or record and its version): a reader that
 * receives a change twice (at-least-once) recognises it. `type` says what the partner must do:
 * hold it as in force, or withdraw it (repair, revocation, expiry, delisting: DOMAIN.md §5
 * "sharing with others stops"). `position` orders changes of one kind (`list-entry.*` among
 * themselves, `record.*` among themselves, `grade.*` among themselves).
 */
export type FeedChange =
  | { id: string; position: string; type: 'list-entry.in-force' | 'list-entry.withdrawn'; entry: FeedListEntry }
  | { id: string; position: string; type: 'record.in-force' | 'record.withdrawn'; record: FeedRecord }
  | { id: string; position: string; type: 'grade.in-force' | 'grade.withdrawn'; grade: FeedGrade };

/** Where a reader stands in each source: joint measures' list entries, disclosure's publication log, disclosure's public grades. */
export interface FeedPositions {
  list: string;
  records: string;
  grades: string;
}

/** A cursor as read: the positions it names, and the cursor to echo as the page's `since`. */
export interface ReadCursor {
  positions: FeedPositions;
  since: string;
}

const POSITION = '(\\d{1,18})';
const CURSOR_V1 = new RegExp(`^c1\\.${POSITION}$`);
const CURSOR_V2 = new RegExp(`^c2\\.${POSITION}\\.${POSITION}$`);
const CURSOR_V3 = new RegExp(`^c3\\.${POSITION}\\.${POSITION}\\.${POSITION}$`);
const START: FeedPositions = { list: '0', records: '0', grades: '0' };

/** The cursor for the three positions (version 3: list entries, records, grades). */
export function cursorOf(positions: FeedPositions): string {
  return `c3.${positions.list}.${positions.records}.${positions.grades}`;
}

/**
 * The positions a cursor names: absent → the start of every source; `c3.<list>.<records>.<grades>`
 * → all three. Cursors handed out before a source joined the feed keep being read, that source
 * from its start (so an older reader receives each of its changes once and continues on `c3`
 * cursors): `c1.<list>` (before records and grades), `c2.<list>.<records>` (before grades); they are
 * echoed as asked. Anything else was not handed out by this feed → 400 EXCHANGE.CURSOR_INVALID.
 * Whether it lies ahead of the feed is `assertNotAhead`'s.
 */
export function readCursor(cursor: string | undefined): ReadCursor {
  if (cursor === undefined || cursor === '') return { positions: START, since: cursorOf(START) };
  const v1 = CURSOR_V1.exec(cursor);
  if (v1) return { positions: { ...START, list: trim(v1[1]) }, since: `c1.${trim(v1[1])}` };
  const v2 = CURSOR_V2.exec(cursor);
  if (v2) return { positions: { ...START, list: trim(v2[1]), records: trim(v2[2]) }, since: `c2.${trim(v2[1])}.${trim(v2[2])}` };
  const v3 = CURSOR_V3.exec(cursor);
  if (v3) {
    const positions = { list: trim(v3[1]), records: trim(v3[2]), grades: trim(v3[3]) };
    return { positions, since: cursorOf(positions) };
  }
  throw DomainError.validation(ExchangeErrorCode.CursorInvalid, [
    {
      field: 'since',
      message: 'not a cursor of this feed (c3.<list position>.<record position>.<grade position>; c2.<list>.<records> and c1.<list> are still read)',
      code: 'CURSOR_INVALID',
    },
  ]);
}

function trim(position: string): string {
  return position.replace(/^0+(?=\d)/, '');
}

/** A cursor beyond the newest position of any source was never handed out (a reader's state from another feed, or forged). */
export function assertNotAhead(positions: FeedPositions, head: FeedPositions): void {
  const ahead = (Object.keys(head) as (keyof FeedPositions)[]).some((source) => BigInt(positions[source]) > BigInt(head[source]));
  if (ahead)
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

/**
 * What a partner sees of a public grade's change (ADR 0085): a grade of an enterprise registered
 * in its region (the rule of records and entries) is in force while the public profile shows it,
 * and withdrawn once it no longer does (the scheme stopped grading the enterprise, ADR 0046). The
 * id names the enterprise, the scheme and the grade's version, so a re-read page repeats the same ids.
 */
export function shareableGradeChange(partnerRegion: string, change: GradeChangeSource): FeedChange | null {
  const subject = { kind: 'org' as const, id: change.subjectId, name: change.subjectName };
  if (!registeredWithin(partnerRegion, subject)) return null;
  if (change.state !== 'in-force' && change.state !== 'withdrawn') return null;
  const withdrawn = change.state === 'withdrawn';
  const grade: FeedGrade = {
    subject,
    schemeId: change.schemeId,
    schemeName: change.schemeName,
    grade: change.grade,
    gradeLabel: change.gradeLabel,
    cycle: change.cycle,
    evaluatedAt: change.evaluatedAt,
    version: change.version,
    effectiveAt: change.effectiveAt,
    ...(withdrawn ? { removal: { reason: change.reason || 'withdrawn', removedAt: change.effectiveAt } } : {}),
  };
  const id = `grade:${change.subjectId}:${change.schemeId}:v${change.version}`;
  return withdrawn ? { id, position: change.position, type: 'grade.withdrawn', grade } : { id, position: change.position, type: 'grade.in-force', grade };
}

/** What was read from one source after the reader's position. */
export interface SourceRead {
  /** The changes the partner may see, in the source's order. */
  changes: FeedChange[];
  /** Past everything read, shared or not: where the next page starts. */
  next: string;
  head: string;
}

/** The unsigned body of a page: every source's changes after the cursor, and where to go on. */
export interface FeedPage {
  since: string;
  next: string;
  head: string;
  changes: FeedChange[];
}

/**
 * One page over the three sources: each source's changes in its own order (list entries, then
 * records, then grades); `next` moves each position past what was read of it, so resuming from
 * `next` skips nothing of any, and `next` equals `head` once all are caught up.
 */
export function feedPage(since: ReadCursor, sources: { list: SourceRead; records: SourceRead; grades: SourceRead }): FeedPage {
  const { list, records, grades } = sources;
  const head = { list: list.head, records: records.head, grades: grades.head };
  assertNotAhead(since.positions, head);
  return {
    since: since.since,
    next: cursorOf({ list: list.next, records: records.next, grades: grades.next }),
    head: cursorOf(head),
    changes: [...list.changes, ...records.changes, ...grades.changes],
  };
}
