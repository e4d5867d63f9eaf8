import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events, LicenceExpiringV1 } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import { rulePrefix } from '../../scheduling/domain/local-rule';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { ExpiryWarningRule, warningWindow } from '../domain/expiry-warning';
import { lockReminderFeed } from '../infrastructure/reminder-feed-lock';
import { expiringLicenceOf, LicenceRow } from './expiring-licence';

interface Cursor {
  validUntil: string;
  id: string;
}

interface ExpiringRow extends LicenceRow {
  rule_index: number;
}

/**
 * Announces each licence entering its region's warning window once, by
 * `credit.records.licence-expiring` (seed 002 焦作: warned a month ahead). Once: the notice row
 * (primary key = licence record) and the event commit in one transaction. The notice keeps the
 * reminder as announced, for the pollable feed (ListLicenceRemindersHandler; ADR 0045).
 */
@Injectable()
export class AnnounceExpiringLicencesJob implements ScheduledJob, OnModuleInit {
  readonly name = 'licences.announce-expiring';

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE' | 'LICENCE_WARNING_RULES'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  /**
   * One pass over the licences in their windows, by (last valid day, id), a chunk per transaction. Whether a licence
   * was announced before is settled by the notice's primary key (INSERT … ON CONFLICT DO NOTHING),
   * not by an anti-join, so a pass stays linear in the licences in their windows.
   */
  async runOnce(now: Date): Promise<number> {
    const rules = this.config.LICENCE_WARNING_RULES;
    if (rules.length === 0) return 0;
    let total = 0;
    let after: Cursor = { validUntil: '', id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const chunk = await this.dataSource.transaction((manager) => this.announceChunk(manager, now, rules, after));
      total += chunk.announced;
      if (!chunk.last) return total;
      after = chunk.last;
    }
  }

  private async announceChunk(
    manager: EntityManager,
    now: Date,
    rules: readonly ExpiryWarningRule[],
    after: Cursor,
  ): Promise<{ announced: number; last?: Cursor }> {
    const today = chinaDateOf(now);
    // A rule's window seen from today is the same for every licence it covers.
    const windows = rules.map((rule) => warningWindow(rule.region, today, [rule])!);
    const rows: ExpiringRow[] = await manager.query(
      `SELECT c.id, c.subject_kind, c.subject_id, c.subject_name, c.region, c.source_client_id, c.payload,
              c.payload->>'validUntil' AS valid_until, rule.idx AS rule_index
         FROM credit_records c
         JOIN LATERAL (SELECT r.idx, r.until FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r (prefix, until, idx)
                        WHERE c.region LIKE r.prefix || '%' ORDER BY length(r.prefix) DESC LIMIT 1) rule ON true
        WHERE c.record_type = 'administrative-licence' AND c.status IN ('active', 'corrected')
          AND c.payload->>'validUntil' BETWEEN $1::text AND rule.until
          AND (c.payload->>'validUntil', c.id) > ($5::text, $6::uuid)
        ORDER BY c.payload->>'validUntil', c.id
        LIMIT $4
        FOR UPDATE OF c SKIP LOCKED`,
      [today, rules.map(rulePrefix), windows.map((w) => w.until), this.config.SCHEDULE_CHUNK_SIZE, after.validUntil, after.id],
    );
    const lastRow = rows.at(-1);
    if (!lastRow) return { announced: 0 };
    const last = { validUntil: lastRow.valid_until, id: lastRow.id };
    // The reminder is kept with its notice exactly as announced: the feed serves the same payload.
    const reminders = rows.map((row) => {
      const window = windows[Number(row.rule_index) - 1];
      return {
        row,
        data: {
          ...expiringLicenceOf(row, today),
          warningWindowDays: window.days,
          warningBasis: window.rule.source,
          announcedAt: now.toISOString(),
        } satisfies LicenceExpiringV1,
      };
    });
    await lockReminderFeed(manager);
    const inserted: { record_id: string }[] = await manager.query(
      `INSERT INTO licence_expiry_notices (record_id, valid_until, announced_at, region, reminder)
         SELECT id, valid_until, $3, region, reminder FROM unnest($1::uuid[], $2::date[], $4::text[], $5::jsonb[]) AS t (id, valid_until, region, reminder)
       ON CONFLICT DO NOTHING RETURNING record_id`,
      [rows.map((r) => r.id), rows.map((r) => r.valid_until), now, rows.map((r) => r.region), reminders.map((r) => JSON.stringify(r.data))],
    );
    const fresh = new Set(inserted.map((r) => r.record_id));
    const events = reminders
      .filter(({ row }) => fresh.has(row.id))
      .map(({ row, data }) => ({ subjectId: row.subject_id, region: row.region, occurredAt: now, data }));
    await this.outbox.appendMany(manager, Events.LicenceExpiring, events);
    return { announced: events.length, last };
  }
}
