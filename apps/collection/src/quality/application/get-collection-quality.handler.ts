import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { regionPatternOf } from '../../records/application/record-access';
import { MONITORING_VIOLATION } from '../../violation-claims/domain/violation-claim';
import { QualityErrorCode } from '../domain/quality-errors';
import { assembleReport, monthBounds, ReceiptGroup, timelinessByUnit, UnitFacts } from '../domain/collection-quality';
import type { CollectionQualityReport, GetCollectionQualityQuery } from './get-collection-quality.query';
import { QUALITY_CALENDAR } from './quality.tokens';

/** The 双公示 deadline in working days, for the report header (law: 7; the catalogue carries it per type). */
const PUBLICATION_DEADLINE_TYPE = 'administrative-penalty';

/**
 * The monthly collection-quality report per source unit (DOMAIN.md §2; Tianjin reports ≥ 98 % on
 * time): received, on time and late (licences and penalties), rejected, duplicates, objections
 * opened / still open / overdue, and monitoring violations claimed and disposed.
 */
@Injectable()
export class GetCollectionQualityHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueStore,
    @Inject(QUALITY_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, request: GetCollectionQualityQuery, now = new Date()): Promise<CollectionQualityReport> {
    assertScope(principal, Scopes.RecordsRead);
    const region = request.region.trim() || principal.region;
    assertRegionScope(principal, region);
    const month = request.month.trim() || chinaDateOf(now).slice(0, 7);
    const bounds = monthBounds(month);
    if (!bounds) throw DomainError.validation(QualityErrorCode.InvalidMonth, [{ field: 'month', message: 'must be YYYY-MM', code: 'INVALID_MONTH' }]);
    const pattern = regionPatternOf(region);
    const catalogue = this.catalogues.current();
    const timeliness = timelinessByUnit(
      await this.receipts(pattern, bounds),
      (type) => catalogue.definition(type)?.timelinessWorkingDays ?? null,
      this.calendar,
    );
    const facts = new Map<string, UnitFacts>();
    const merge = (id: string, values: UnitFacts) => facts.set(id, { ...facts.get(id), ...values });
    for (const row of await this.intakeOutcomes(pattern, month)) merge(row.source_client_id, { rejected: row.rejected, duplicates: row.duplicates });
    for (const row of await this.objections(pattern, bounds, chinaDateOf(now)))
      merge(row.provider_client_id, { objectionsOpened: row.opened, objectionsOpen: row.open, objectionsOverdue: row.overdue });
    for (const row of await this.claims(pattern, bounds))
      merge(row.source_client_id, { monitoringViolations: row.received, claimed: row.claimed, disposed: row.disposed });
    return {
      region,
      month,
      timelinessWorkingDays: catalogue.definition(PUBLICATION_DEADLINE_TYPE)?.timelinessWorkingDays ?? 0,
      units: assembleReport(timeliness, facts),
      generatedAt: now.toISOString(),
    };
  }

  private async receipts(pattern: string, bounds: { start: string; end: string }): Promise<ReceiptGroup[]> {
    const rows: { source_client_id: string; record_type: string; decision_date: string; received_on: string; n: number }[] = await this.dataSource.query(
      `SELECT source_client_id, record_type, to_char(decision_date, 'YYYY-MM-DD') AS decision_date,
              to_char((received_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS received_on, count(*)::int AS n
         FROM credit_records
        WHERE region LIKE $1 AND received_at >= $2 AND received_at < $3
        GROUP BY 1, 2, 3, 4`,
      [pattern, bounds.start, bounds.end],
    );
    return rows.map((r) => ({
      sourceClientId: r.source_client_id,
      recordType: r.record_type,
      decisionDate: r.decision_date,
      receivedOn: r.received_on,
      n: r.n,
    }));
  }

  private intakeOutcomes(pattern: string, month: string): Promise<{ source_client_id: string; rejected: number; duplicates: number }[]> {
    return this.dataSource.query(
      `SELECT source_client_id,
              coalesce(sum(n) FILTER (WHERE outcome = 'rejected'), 0)::int AS rejected,
              coalesce(sum(n) FILTER (WHERE outcome = 'duplicate'), 0)::int AS duplicates
         FROM intake_outcomes
        WHERE region LIKE $1 AND to_char(day, 'YYYY-MM') = $2
        GROUP BY 1`,
      [pattern, month],
    );
  }

  /** Opened in the month; of all opened up to its end, those still open now and those past due. */
  private objections(
    pattern: string,
    bounds: { start: string; end: string },
    today: string,
  ): Promise<{ provider_client_id: string; opened: number; open: number; overdue: number }[]> {
    return this.dataSource.query(
      `SELECT provider_client_id,
              count(*) FILTER (WHERE opened_at >= $2)::int AS opened,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_on < $4::date)::int AS overdue
         FROM objections
        WHERE region LIKE $1 AND opened_at < $3
        GROUP BY 1`,
      [pattern, bounds.start, bounds.end, today],
    );
  }

  private claims(
    pattern: string,
    bounds: { start: string; end: string },
  ): Promise<{ source_client_id: string; received: number; claimed: number; disposed: number }[]> {
    return this.dataSource.query(
      `SELECT r.source_client_id, count(*)::int AS received, count(c.record_id)::int AS claimed, count(c.disposed_at)::int AS disposed
         FROM credit_records r LEFT JOIN violation_claims c ON c.record_id = r.id
        WHERE r.record_type = $1 AND r.region LIKE $2 AND r.received_at >= $3 AND r.received_at < $4 AND r.status <> 'revoked'
        GROUP BY 1`,
      [MONITORING_VIOLATION, pattern, bounds.start, bounds.end],
    );
  }
}
