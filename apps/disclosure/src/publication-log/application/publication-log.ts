import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { contentHashOf, entryHash, GENESIS_HASH, profilesConcerned, PublicationContent } from '../domain/hash-chain';
import { PROFILE_CHANGES, ProfileChangesPort } from './publication-log.tokens';

/** Serialises appends: one writer at a time extends the chain (transaction-scoped advisory lock). */
const CHAIN_LOCK_KEY = 7_246_001;

/**
 * Appends to the publication hash chain (VerifyPublicationLogHandler checks it). Appends happen in the caller's transaction —
 * the same one that changes what the public sees — so the log and the read model never disagree.
 * Whatever is logged changed a public profile: the gateways' cached copies are dropped when the
 * transaction commits (ProfileChanges).
 */
@Injectable()
export class PublicationLog {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(PROFILE_CHANGES) private readonly changes?: ProfileChangesPort,
  ) {}

  /** Appends the entries in order; returns their sequence numbers. */
  async append(manager: EntityManager, contents: readonly PublicationContent[], loggedAt = new Date()): Promise<number[]> {
    if (contents.length === 0) return [];
    await this.changes?.touch(manager, profilesConcerned(contents));
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CHAIN_LOCK_KEY]);
    const [last] = await manager.query(`SELECT seq, hash FROM publication_log ORDER BY seq DESC LIMIT 1`);
    let seq = last ? Number(last.seq) : 0;
    let prevHash: string = last ? last.hash : GENESIS_HASH;
    const at = loggedAt.toISOString();
    const rows = contents.map((content) => {
      seq += 1;
      const contentHash = contentHashOf(content);
      const hash = entryHash(prevHash, seq, at, contentHash);
      const row = { seq, content, contentHash, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await manager.query(
      `INSERT INTO publication_log (seq, logged_at, publication_id, event, content, content_hash, prev_hash, hash)
       SELECT seq, $1, publication_id, event, content, content_hash, prev_hash, hash
         FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[])
           AS t (seq, publication_id, event, content, content_hash, prev_hash, hash)`,
      [
        loggedAt,
        rows.map((r) => r.seq),
        rows.map((r) => r.content.publicationId),
        rows.map((r) => r.content.event),
        rows.map((r) => JSON.stringify(r.content)),
        rows.map((r) => r.contentHash),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
      ],
    );
    return rows.map((r) => r.seq);
  }
}

/** A stored log entry. */
export interface PublicationLogRow {
  seq: string;
  logged_at: Date;
  content: PublicationContent;
  content_hash: string;
  prev_hash: string;
  hash: string;
}

export function toChainEntry(row: PublicationLogRow) {
  return { seq: Number(row.seq), loggedAt: row.logged_at.toISOString(), contentHash: row.content_hash, prevHash: row.prev_hash, hash: row.hash };
}
