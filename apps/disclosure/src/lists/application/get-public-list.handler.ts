import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import { ListErrorCode } from '../domain/list-errors';
import { PUBLIC_LISTS } from '../domain/public-lists';
import { GetPublicListQuery, PublicListView } from './get-public-list.query';
import { IN_FORCE, PUBLIC_LIST_ENTRY_COLUMNS, PublicListEntryRow, toPublicListEntry } from './public-list-entries';

const PAGE = 50;

/** A published list, a page at a time: only entries in force today (China time). */
@Injectable()
export class GetPublicListHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ listType, offset }: GetPublicListQuery, now = new Date()): Promise<PublicListView> {
    if (!PUBLIC_LISTS[listType])
      throw DomainError.notFound(
        ListErrorCode.UnknownList,
        `No published list "${listType.slice(0, 40)}"; published: ${Object.keys(PUBLIC_LISTS).join(', ')}.`,
      );
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
      throw DomainError.validation(ListErrorCode.InvalidQuery, [{ field: 'cursor', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' }]);
    }
    const rows: PublicListEntryRow[] = await this.dataSource.query(
      `SELECT ${PUBLIC_LIST_ENTRY_COLUMNS} FROM public_list_entries WHERE list_type = $2 AND ${IN_FORCE} ORDER BY starts_on DESC, entry_id LIMIT ${PAGE + 1} OFFSET $3`,
      [chinaDateOf(now), listType, offset],
    );
    return {
      listType,
      name: PUBLIC_LISTS[listType],
      entries: rows.slice(0, PAGE).map(toPublicListEntry),
      nextCursor: rows.length > PAGE ? String(offset + PAGE) : '',
    };
  }
}
