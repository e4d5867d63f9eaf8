import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import type { IntakeOutcome, IntakeOutcomesPort } from '../application/quality.tokens';

/**
 * Counts refused and duplicate submissions per unit, region and day for the quality report.
 * Nothing of a refused submission is stored, only that it happened.
 */
@Injectable()
export class IntakeOutcomes implements IntakeOutcomesPort {
  private readonly logger = new Logger('IntakeOutcomes');

  constructor(private readonly dataSource: DataSource) {}

  /** Inside the caller's transaction (batches: counted with the chunk they belong to). */
  async add(manager: EntityManager, clientId: string, region: string, outcome: IntakeOutcome, n: number, at = new Date()): Promise<void> {
    if (n <= 0) return;
    await manager.query(
      `INSERT INTO intake_outcomes (day, source_client_id, region, outcome, n) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (day, source_client_id, region, outcome) DO UPDATE SET n = intake_outcomes.n + EXCLUDED.n`,
      [chinaDateOf(at), clientId, region, outcome, n],
    );
  }

  /** On its own, after a single submission was refused: a failure to count never hides the refusal. */
  async addDetached(clientId: string, region: string, outcome: IntakeOutcome): Promise<void> {
    try {
      await this.add(this.dataSource.manager, clientId, region, outcome, 1);
    } catch (error) {
      this.logger.warn({ err: error, clientId, outcome }, 'could not count an intake outcome');
    }
  }
}
