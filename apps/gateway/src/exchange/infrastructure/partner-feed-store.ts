import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface FeedCursorState {
  partnerRegion: string;
  cursor: string | null;
  head: string | null;
  pagesApplied: number;
  lastAppliedAt: string | null;
  caughtUpAt: string | null;
  lastFailure: string | null;
  lastFailureAt: string | null;
}

export interface DeadLetter {
  partnerRegion: string;
  changeId: string;
  changeType: string;
  position: string;
  /**
   * `invalid` (the change lacks what applying needs), `refused` (this province refused it),
   * `not-applied` (outside the agreement), `not-updated` (a newer version of an entry held here
   * that says otherwise: withdrawn here, or another term).
   */
  reasonCode: 'invalid' | 'refused' | 'not-applied' | 'not-updated';
  reason: string;
  change: unknown;
}

/**
 * The puller's cursors and dead letters (gateway schema, migration 1763700008200). A page is applied
 * while its partner's cursor row is locked (`FOR UPDATE SKIP LOCKED`): one gateway replica follows a
 * partner at a time, and the cursor moves in the same transaction as the page's dead letters,
 * after every change of the page was applied.
 */
@Injectable()
export class PartnerFeedStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` holding the partner's cursor; `busy` when another replica holds it. */
  async underCursor<T>(partnerRegion: string, work: (tx: EntityManager, state: FeedCursorState) => Promise<T>): Promise<T | 'busy'> {
    await this.dataSource.query(`INSERT INTO partner_feed_cursors (partner_region) VALUES ($1) ON CONFLICT DO NOTHING`, [partnerRegion]);
    return this.dataSource.transaction(async (tx) => {
      const rows: Row[] = await tx.query(`SELECT ${COLUMNS} FROM partner_feed_cursors WHERE partner_region = $1 FOR UPDATE SKIP LOCKED`, [partnerRegion]);
      if (rows.length === 0) return 'busy' as const;
      return work(tx, toState(rows[0]));
    });
  }

  async advance(tx: EntityManager, partnerRegion: string, next: string, head: string): Promise<void> {
    await tx.query(
      `UPDATE partner_feed_cursors SET cursor = $2, head = $3, pages_applied = pages_applied + 1, last_applied_at = now(),
              caught_up_at = CASE WHEN $2 = $3 THEN now() ELSE caught_up_at END, last_failure = NULL, last_failure_at = NULL
        WHERE partner_region = $1`,
      [partnerRegion, next, head],
    );
  }

  /** Once per partner and change id: a page applied again (at least once) adds nothing. */
  async deadLetter(tx: EntityManager, letter: DeadLetter): Promise<void> {
    await tx.query(
      `INSERT INTO partner_feed_dead_letters (partner_region, change_id, change_type, position, reason_code, reason, change)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (partner_region, change_id) DO NOTHING`,
      [letter.partnerRegion, letter.changeId, letter.changeType, letter.position, letter.reasonCode, letter.reason, JSON.stringify(letter.change)],
    );
  }

  /** Why the last attempt failed (a refused page, the partner down): outside the page's transaction, which rolled back. */
  async noteFailure(partnerRegion: string, failure: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO partner_feed_cursors (partner_region, last_failure, last_failure_at) VALUES ($1, $2, now())
       ON CONFLICT (partner_region) DO UPDATE SET last_failure = $2, last_failure_at = now()`,
      [partnerRegion, failure.slice(0, 2000)],
    );
  }

  async state(partnerRegion: string): Promise<FeedCursorState | undefined> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM partner_feed_cursors WHERE partner_region = $1`, [partnerRegion]);
    return rows[0] && toState(rows[0]);
  }

  async cursors(): Promise<FeedCursorState[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM partner_feed_cursors ORDER BY partner_region`);
    return rows.map(toState);
  }

  async deadLetters(partnerRegion: string | undefined, limit: number): Promise<(DeadLetter & { id: string; at: string })[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, partner_region, change_id, change_type, position, reason_code, reason, change, at FROM partner_feed_dead_letters
        WHERE ($1::text IS NULL OR partner_region = $1) ORDER BY id DESC LIMIT $2`,
      [partnerRegion ?? null, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      partnerRegion: String(r.partner_region),
      changeId: String(r.change_id),
      changeType: String(r.change_type),
      position: String(r.position),
      reasonCode: r.reason_code as DeadLetter['reasonCode'],
      reason: String(r.reason),
      change: r.change,
      at: (r.at as Date).toISOString(),
    }));
  }
}

const COLUMNS = 'partner_region, cursor, head, pages_applied, last_applied_at, caught_up_at, last_failure, last_failure_at';

interface Row {
  partner_region: string;
  cursor: string | null;
  head: string | null;
  pages_applied: string;
  last_applied_at: Date | null;
  caught_up_at: Date | null;
  last_failure: string | null;
  last_failure_at: Date | null;
}

function toState(row: Row): FeedCursorState {
  return {
    partnerRegion: row.partner_region,
    cursor: row.cursor,
    head: row.head,
    pagesApplied: Number(row.pages_applied),
    lastAppliedAt: row.last_applied_at?.toISOString() ?? null,
    caughtUpAt: row.caught_up_at?.toISOString() ?? null,
    lastFailure: row.last_failure,
    lastFailureAt: row.last_failure_at?.toISOString() ?? null,
  };
}
