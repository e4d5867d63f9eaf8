import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner-feed puller's state (issue 20 item 5, ADR 0080): one cursor per followed partner,
 * moved only after the page it ends was applied; and the changes it could not apply (validation or
 * the agreement), each once per partner and change id, with the reason, for admins to review.
 */
export class GatewayPartnerFeeds1763700008200 implements MigrationInterface {
  name = 'GatewayPartnerFeeds1763700008200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner_feed_cursors (
        partner_region text PRIMARY KEY,
        cursor text,
        head text,
        pages_applied bigint NOT NULL DEFAULT 0,
        last_applied_at timestamptz,
        caught_up_at timestamptz,
        last_failure text,
        last_failure_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE partner_feed_dead_letters (
        id bigserial PRIMARY KEY,
        partner_region text NOT NULL,
        change_id text NOT NULL,
        change_type text NOT NULL,
        position text NOT NULL,
        reason_code text NOT NULL,
        reason text NOT NULL,
        change jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner_region, change_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE partner_feed_dead_letters`);
    await runner.query(`DROP TABLE partner_feed_cursors`);
  }
}
