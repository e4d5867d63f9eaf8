import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The licence renewal reminder as a pollable feed (issue 16; ADR 0045). Each notice keeps the
 * reminder exactly as `credit.records.licence-expiring` announced it, its region (the feed is
 * region-scoped) and its position `seq`. Notices are written under one transaction-level advisory
 * lock (licences/infrastructure/reminder-feed-lock.ts), so positions are handed out in commit
 * order: a notice can never commit behind a position a poller has already read past.
 */
export class LicenceReminderFeed1763700001501 implements MigrationInterface {
  name = 'LicenceReminderFeed1763700001501';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE licence_expiry_notices
      ADD COLUMN region text,
      ADD COLUMN reminder jsonb,
      ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    // Notices announced before the feed: the reminder as far as the licence record still tells it
    // (the warning window of the time is not known any more).
    await runner.query(`UPDATE licence_expiry_notices n SET region = c.region, reminder = jsonb_build_object(
        'recordId', c.id,
        'subject', jsonb_build_object('kind', c.subject_kind, 'id', c.subject_id, 'name', c.subject_name),
        'region', c.region,
        'licenceName', coalesce(c.payload->>'licenceName', ''),
        'licenceNumber', coalesce(c.payload->>'licenceNumber', ''),
        'authority', coalesce(c.payload->>'authority', ''),
        'sourceClientId', c.source_client_id,
        'validUntil', to_char(n.valid_until, 'YYYY-MM-DD'),
        'daysLeft', n.valid_until - (n.announced_at AT TIME ZONE 'Asia/Shanghai')::date,
        'warningWindowDays', 0,
        'warningBasis', '',
        'announcedAt', to_char(n.announced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM credit_records c WHERE c.id = n.record_id`);
    await runner.query(`ALTER TABLE licence_expiry_notices ALTER COLUMN region SET NOT NULL, ALTER COLUMN reminder SET NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX licence_expiry_notices_feed ON licence_expiry_notices (seq)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX licence_expiry_notices_feed`);
    await runner.query(`ALTER TABLE licence_expiry_notices DROP COLUMN seq, DROP COLUMN reminder, DROP COLUMN region`);
  }
}
