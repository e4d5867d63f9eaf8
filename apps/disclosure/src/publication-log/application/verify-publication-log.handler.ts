import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChainVerifier, contentHashOf } from '../domain/hash-chain';
import { PublicationLogRow, toChainEntry } from './publication-log';
import { PublicationLogCheckView, VerifyPublicationLogQuery } from './verify-publication-log.query';

const VERIFY_PAGE = 5_000;

/** Re-hashes every entry of the publication log from the stored facts, page by page. */
@Injectable()
export class VerifyPublicationLogHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(_query: VerifyPublicationLogQuery = {}): Promise<PublicationLogCheckView> {
    const verifier = new ChainVerifier();
    for (let after = 0; ;) {
      const rows: PublicationLogRow[] = await this.dataSource.query(
        `SELECT seq, logged_at, content, content_hash, prev_hash, hash FROM publication_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [after, VERIFY_PAGE],
      );
      let ok = true;
      for (const row of rows) {
        ok = verifier.accept({ ...toChainEntry(row), recomputedContentHash: contentHashOf(row.content) });
        if (!ok) break;
      }
      if (!ok || rows.length < VERIFY_PAGE) break;
      after = Number(rows[rows.length - 1].seq);
    }
    return { ...verifier.result(), checkedAt: new Date().toISOString() };
  }
}
