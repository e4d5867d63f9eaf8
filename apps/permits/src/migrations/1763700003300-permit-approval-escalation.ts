import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-province parallel approval (并联审批, issue 18 item 5, ADR 0063): who answered for a province
 * and when an overdue province was escalated; partner clients read their province's pending rows.
 */
export class PermitApprovalEscalation1763700003300 implements MigrationInterface {
  name = 'PermitApprovalEscalation1763700003300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permit_province_approvals ADD COLUMN answered_by text, ADD COLUMN escalated_at timestamptz`);
    await runner.query(`CREATE INDEX permit_province_approvals_pending ON permit_province_approvals (province) WHERE state = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX permit_province_approvals_pending`);
    await runner.query(`ALTER TABLE permit_province_approvals DROP COLUMN escalated_at, DROP COLUMN answered_by`);
  }
}
