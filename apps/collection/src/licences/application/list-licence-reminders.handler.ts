import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LicenceExpiringV1 } from '@contracts';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, FieldViolation } from '@platform/errors';
import { LicenceErrorCode } from '../domain/licence-errors';
import { decodeFeedPosition, encodeFeedPosition, FEED_START } from '../domain/reminder-feed-cursor';
import type { LicenceRemindersPage, ListLicenceRemindersQuery } from './list-licence-reminders.query';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * The licence renewal reminders of a region as a feed (issue 16; ADR 0045): every reminder
 * `credit.records.licence-expiring` announced, with the same payload, in announcement order, from
 * a cursor. Positions are handed out in commit order (lockReminderFeed), so a poller that always
 * continues from `nextCursor` sees each reminder exactly once.
 */
@Injectable()
export class ListLicenceRemindersHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: ListLicenceRemindersQuery): Promise<LicenceRemindersPage> {
    assertScope(principal, Scopes.RecordsRead);
    const violations: FieldViolation[] = [];
    const after = request.after.trim() ? decodeFeedPosition(request.after.trim()) : FEED_START;
    if (!after) violations.push({ field: 'after', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' });
    const limit = request.limit === 0 ? DEFAULT_LIMIT : request.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      violations.push({ field: 'limit', message: `from 1 to ${MAX_LIMIT}`, code: 'OUT_OF_RANGE' });
    const region = request.region.trim() || principal.region;
    const parsed = parseRegionCode(region);
    if (!parsed.ok) violations.push({ field: 'region', message: parsed.message, code: 'INVALID_REGION' });
    if (violations.length > 0 || !after || !parsed.ok) throw DomainError.validation(LicenceErrorCode.Invalid, violations);
    assertRegionScope(principal, parsed.value);
    const rows: { seq: string; reminder: LicenceExpiringV1 }[] = await this.dataSource.query(
      `SELECT n.seq::text AS seq, n.reminder FROM licence_expiry_notices n
        WHERE n.seq > $1::bigint AND n.region LIKE $2 || '%'
        ORDER BY n.seq
        LIMIT $3`,
      [after, regionPrefix(parsed.value), limit],
    );
    const reminders = rows.map((r) => ({ ...r.reminder, position: encodeFeedPosition(r.seq) }));
    return { reminders, nextCursor: reminders.at(-1)?.position ?? encodeFeedPosition(after) };
  }
}
