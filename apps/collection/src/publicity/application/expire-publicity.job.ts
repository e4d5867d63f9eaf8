import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CreditRecordExpiredV1, Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CollectionConfig } from '../../collection.definition';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { isPublicityOver, publicityEndsOn, PublicityExpiryRule, publicityExpiryRules } from '../domain/publicity-expiry';

export const PUBLICITY_SYSTEM_ACTOR = 'system:publicity';

interface DueRow {
  id: string;
  record_type: string;
  subject_kind: CreditRecordExpiredV1['subject']['kind'];
  subject_id: string;
  region: string;
  severity: CreditRecordExpiredV1['severity'];
  decision_date: string;
  version: number;
  rule_index: string;
}

/**
 * A record whose publicity period is over becomes `expired` (DOMAIN.md §5: "at the maximum,
 * publication stops by itself"): a new version is appended and `credit.records.expired` written
 * through the outbox in the same transaction, as revocation does. Nothing is updated in place
 * but the record's current status and version number; nothing is deleted.
 */
@Injectable()
export class ExpirePublicityJob implements ScheduledJob, OnModuleInit {
  readonly name = 'publicity.expire';
  private readonly logger = new Logger('Publicity');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly catalogues: CatalogueStore,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async runOnce(now: Date): Promise<number> {
    const rules = publicityExpiryRules(this.catalogues.all().map((c) => c.document));
    let total = 0;
    for (;;) {
      const expired = await this.dataSource.transaction((manager) => this.expireChunk(manager, now, rules));
      total += expired;
      if (expired === 0) return total;
    }
  }

  private async expireChunk(manager: EntityManager, now: Date, rules: readonly PublicityExpiryRule[]): Promise<number> {
    const today = chinaDateOf(now);
    const rows: DueRow[] = await manager.query(
      `SELECT c.id, c.record_type, c.subject_kind, c.subject_id, c.region, c.severity, c.decision_date::text AS decision_date, c.version,
              rule.idx AS rule_index
         FROM credit_records c
         JOIN unnest($2::int[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS rule (catalogue_version, record_type, severity, max_months, idx)
           ON rule.catalogue_version = c.catalogue_version AND rule.record_type = c.record_type AND rule.severity = c.severity
        WHERE c.status IN ('active', 'corrected')
          AND c.decision_date + make_interval(months => rule.max_months) < $1::date
        ORDER BY c.decision_date, c.id
        LIMIT $6
        FOR UPDATE OF c SKIP LOCKED`,
      [
        today,
        rules.map((r) => r.catalogueVersion),
        rules.map((r) => r.recordType),
        rules.map((r) => r.severity),
        rules.map((r) => r.maxMonths),
        this.config.SCHEDULE_CHUNK_SIZE,
      ],
    );
    const due = rows.flatMap((row) => {
      const rule = rules[Number(row.rule_index) - 1];
      if (isPublicityOver(row.decision_date, rule.maxMonths, today)) return [{ row, rule, endedOn: publicityEndsOn(row.decision_date, rule.maxMonths) }];
      this.logger.warn({ recordId: row.id }, 'selected a record whose publicity is not over; skipped');
      return [];
    });
    if (due.length === 0) return 0;
    await manager.query(`UPDATE credit_records SET status = 'expired', version = version + 1 WHERE id = ANY($1::uuid[])`, [due.map((d) => d.row.id)]);
    await manager.query(
      `INSERT INTO credit_record_versions (record_id, version, status, change, reason, changed_at, changed_by)
         SELECT id, version, 'expired', 'expired', reason, $4, $5 FROM unnest($1::uuid[], $2::int[], $3::text[]) AS t (id, version, reason)`,
      [
        due.map((d) => d.row.id),
        due.map((d) => d.row.version + 1),
        due.map((d) => `公示期满：${d.endedOn}（${d.rule.basis}）`.slice(0, 500)),
        now,
        PUBLICITY_SYSTEM_ACTOR,
      ],
    );
    await this.outbox.appendMany(
      manager,
      Events.CreditRecordExpired,
      due.map(({ row, rule, endedOn }) => ({
        subjectId: row.subject_id,
        region: row.region,
        occurredAt: now,
        data: {
          recordId: row.id,
          recordType: row.record_type,
          subject: { kind: row.subject_kind, id: row.subject_id },
          region: row.region,
          severity: row.severity,
          decisionDate: row.decision_date,
          publicityEndedOn: endedOn,
          basis: rule.basis,
          version: row.version + 1,
          expiredAt: now.toISOString(),
        } satisfies CreditRecordExpiredV1,
      })),
    );
    return due.length;
  }
}
