import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@platform/errors';
import { SearchErrorCode } from '../domain/search-errors';
import { parseSearchQuery } from '../domain/search-query';
import { SearchSubjectsQuery, SearchSubjectsView } from './search-subjects.query';

const MAX_RESULTS = 20;

/**
 * Finds enterprises the public may look up, by USCC or part of the name, with how many items
 * each shows right now (inside their publicity window, not withdrawn).
 */
@Injectable()
export class SearchSubjectsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ q: raw }: SearchSubjectsQuery, now = new Date()): Promise<SearchSubjectsView> {
    const { value, violations } = parseSearchQuery(raw);
    if (!value) throw DomainError.validation(SearchErrorCode.Invalid, violations);
    const [where, param] = value.kind === 'uscc' ? ['s.uscc = $1', value.uscc] : [`s.name ILIKE $1 ESCAPE '\\'`, value.likePattern];
    const rows: { uscc: string; name: string; region: string; published_items: number }[] = await this.dataSource.query(
      `SELECT s.uscc, s.name, s.region,
              (SELECT count(*)::int FROM public_records p
                WHERE p.uscc = s.uscc AND p.withdrawn_at IS NULL AND p.published_from <= $2 AND p.published_until > $2) AS published_items
         FROM public_subjects s WHERE ${where}
        ORDER BY s.name LIMIT ${MAX_RESULTS + 1}`,
      [param, now],
    );
    return {
      subjects: rows.slice(0, MAX_RESULTS).map((r) => ({ uscc: r.uscc, name: r.name, region: r.region, publishedItems: r.published_items })),
      truncated: rows.length > MAX_RESULTS,
    };
  }
}
