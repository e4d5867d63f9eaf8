import { parseRegionCode, regionContains } from '@domain/identifiers';
import { DomainError } from '@platform/errors';
import { ExchangeErrorCode } from './exchange-errors';
import { registeredRegionOf } from './recognition-agreement';

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
 * One change of the feed. `id` is stable (the entry and its version): a reader that receives a
 * change twice (at-least-once) recognises it. `type` says what the partner must do: hold the
 * entry as in force, or withdraw it (repair, expiry, delisting: DOMAIN.md §5 "sharing with others stops").
 */
export interface FeedChange {
  id: string;
  position: string;
  type: 'list-entry.in-force' | 'list-entry.withdrawn';
  entry: FeedListEntry;
}

const CURSOR = /^c1\.(\d{1,18})$/;

export function cursorOf(position: string): string {
  return `c1.${position}`;
}

/**
 * The position a cursor names: absent → the start; anything that is not a cursor this feed
 * handed out → 400 EXCHANGE.CURSOR_INVALID. Whether it lies ahead of the feed is `assertNotAhead`'s.
 */
export function positionOf(cursor: string | undefined): string {
  if (cursor === undefined || cursor === '') return '0';
  const match = CURSOR.exec(cursor);
  if (!match)
    throw DomainError.validation(ExchangeErrorCode.CursorInvalid, [
      { field: 'since', message: 'not a cursor of this feed (c1.<position>)', code: 'CURSOR_INVALID' },
    ]);
  return match[1].replace(/^0+(?=\d)/, '');
}

/** A cursor beyond the newest position was never handed out (a reader's state from another feed, or forged). */
export function assertNotAhead(position: string, head: string): void {
  if (BigInt(position) > BigInt(head))
    throw DomainError.validation(ExchangeErrorCode.CursorAhead, [
      { field: 'since', message: `the feed's newest position is ${head}; this cursor is ahead of it`, code: 'CURSOR_AHEAD' },
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
  const registered = registeredRegionOf(entry.subject);
  const scope = parseRegionCode(partnerRegion);
  const target = registered ? parseRegionCode(registered) : null;
  if (!scope.ok || !target?.ok || !regionContains(scope.value, target.value)) return null;
  const decided = entry.decision?.outcome === 'confirmed';
  if (entry.status === 'effective') return { id: `list-entry:${entry.id}:v${entry.version}`, position, type: 'list-entry.in-force', entry };
  if (entry.status === 'removed' && decided) return { id: `list-entry:${entry.id}:v${entry.version}`, position, type: 'list-entry.withdrawn', entry };
  return null;
}
