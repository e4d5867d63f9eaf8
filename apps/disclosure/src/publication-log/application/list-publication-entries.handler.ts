import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/errors';
import { PublicationLogErrorCode } from '../domain/publication-log-errors';
import { ListPublicationEntriesQuery, LoggedEntry } from './list-publication-entries.query';
import { PublicationLogRow, toChainEntry } from './publication-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entry about one published item, oldest first. */
@Injectable()
export class ListPublicationEntriesHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ publicationId }: ListPublicationEntriesQuery): Promise<LoggedEntry[]> {
    if (!UUID.test(publicationId)) {
      throw DomainError.validation(PublicationLogErrorCode.InvalidPublicationId, [
        { field: 'publicationId', message: 'must be a publication id from a public profile', code: 'INVALID_ID' },
      ]);
    }
    const rows: PublicationLogRow[] = await this.dataSource.query(
      `SELECT seq, logged_at, content, content_hash, prev_hash, hash FROM publication_log WHERE publication_id = $1 ORDER BY seq`,
      [publicationId],
    );
    if (rows.length === 0) throw DomainError.notFound(PublicationLogErrorCode.PublicationNotFound, `No publication ${publicationId}.`);
    return rows.map((row) => ({ ...toChainEntry(row), content: row.content }));
  }
}
