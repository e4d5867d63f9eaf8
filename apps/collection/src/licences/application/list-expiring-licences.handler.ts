import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, chinaDateOf } from '@domain/calendar';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import type { Clock } from '../../scheduling/domain/clock';
import { CLOCK } from '../../scheduling/application/scheduling.tokens';
import { warningWindow } from '../domain/expiry-warning';
import { expiringLicenceOf, LicenceRow } from './expiring-licence';
import type { ExpiringLicencesView, ListExpiringLicencesQuery } from './list-expiring-licences.query';
import { LicenceErrorCode } from '../domain/licence-errors';

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;
const MAX_WITHIN_DAYS = 366;

interface ListedLicenceRow extends LicenceRow {
  announced: boolean;
}

/**
 * Licences of a region whose last valid day falls between today and the end of the window:
 * the region's configured warning window, or `withinDays` when the caller asks for another.
 * Region-scoped like every read (ARCHITECTURE.md §6). Ordered by last valid day, then id.
 */
@Injectable()
export class ListExpiringLicencesHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'LICENCE_WARNING_RULES'>,
  ) {}

  async execute(principal: Principal, request: ListExpiringLicencesQuery): Promise<ExpiringLicencesView> {
    assertScope(principal, Scopes.RecordsRead);
    const region = request.region.trim() || principal.region;
    assertRegionScope(principal, region);
    const today = chinaDateOf(this.clock.now());
    const window = this.window(region, today, request.withinDays);
    const limit = this.limit(request.limit);
    const after = decodeCursor(request.cursor);
    const parsed = parseRegionCode(region);
    if (!parsed.ok) throw DomainError.validation(LicenceErrorCode.Invalid, [{ field: 'region', message: parsed.message, code: 'INVALID_REGION' }]);
    const prefix = regionPrefix(parsed.value);
    const rows: ListedLicenceRow[] = await this.dataSource.query(
      `SELECT c.id, c.subject_kind, c.subject_id, c.subject_name, c.region, c.source_client_id, c.payload,
              c.payload->>'validUntil' AS valid_until, (n.record_id IS NOT NULL) AS announced
         FROM credit_records c LEFT JOIN licence_expiry_notices n ON n.record_id = c.id
        WHERE c.record_type = 'administrative-licence' AND c.status IN ('active', 'corrected')
          AND c.region LIKE $1 || '%'
          AND c.payload->>'validUntil' BETWEEN $2::text AND $3::text
          AND ($4 = '' OR c.subject_id = $4) AND ($5 = '' OR c.source_client_id = $5)
          AND ($6::text IS NULL OR (c.payload->>'validUntil', c.id::text) > ($6::text, $7::text))
        ORDER BY c.payload->>'validUntil', c.id::text
        LIMIT $8`,
      [prefix, today, window.until, request.subjectId.trim(), request.sourceClientId.trim(), after?.validUntil ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      windowFrom: today,
      windowUntil: window.until,
      windowDays: window.days,
      windowBasis: window.basis,
      licences: page.map((row) => ({
        ...expiringLicenceOf(row, today),
        announced: row.announced,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.valid_until, last.id) : '',
    };
  }

  private window(region: string, today: string, withinDays: number): { until: string; days: number; basis: string } {
    if (withinDays < 0 || withinDays > MAX_WITHIN_DAYS || !Number.isInteger(withinDays)) {
      throw DomainError.validation(LicenceErrorCode.Invalid, [{ field: 'within', message: `whole days from 1 to ${MAX_WITHIN_DAYS}`, code: 'OUT_OF_RANGE' }]);
    }
    if (withinDays > 0) return { until: addDays(today, withinDays), days: withinDays, basis: 'requested' };
    const configured = warningWindow(region, today, this.config.LICENCE_WARNING_RULES);
    if (!configured) {
      throw DomainError.validation(LicenceErrorCode.NoWindow, [
        { field: 'within', message: `no warning window is configured for ${region}: give one in days`, code: 'REQUIRED' },
      ]);
    }
    return { until: configured.until, days: configured.days, basis: configured.rule.source };
  }

  private limit(requested: number): number {
    if (!requested) return DEFAULT_LIMIT;
    if (requested < 1 || requested > MAX_LIMIT) {
      throw DomainError.validation(LicenceErrorCode.Invalid, [{ field: 'limit', message: `from 1 to ${MAX_LIMIT}`, code: 'OUT_OF_RANGE' }]);
    }
    return requested;
  }
}

function encodeCursor(validUntil: string, id: string): string {
  return Buffer.from(`${validUntil}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { validUntil: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [validUntil, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw DomainError.validation(LicenceErrorCode.Invalid, [{ field: 'cursor', message: 'is not a cursor this API returned', code: 'INVALID_CURSOR' }]);
  }
  return { validUntil, id };
}
