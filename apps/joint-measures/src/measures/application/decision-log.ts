import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Events } from '@contracts';
import { GroupCommit } from '@platform/database';
import { OutboxPublisher } from '@platform/service';
import type { DecisionResult } from '../domain/decision';

export interface LoggedDecision extends DecisionResult {
  decisionId: string;
  subjectId: string;
  scene: string;
  region: string;
  sector: string;
  askedBy: string;
  decidedAt: Date;
  decidedOn: string;
}

const MAX_BATCH = 500;

/**
 * Writes decisions and their `measures.decisions.made` events by group commit (ADR 0034): the
 * decisions asked while one write is in flight go together in the next write, one statement
 * inserting the decision rows and their outbox rows (one round trip, atomic without
 * BEGIN/COMMIT). `record` resolves only once its decision is committed, so an answer the caller
 * receives is on record, and survives this service crashing right after answering.
 *
 * The commit is asynchronous (ADR 0036): PostgreSQL does not wait for the WAL flush before
 * confirming it. Waiting for the disk was the decision API's whole latency tail on a shared disk
 * (p99 150–300 ms against 2–4 ms without it, docs/perf.md); the price is that a crash of the
 * database server itself may lose the decisions of its last fraction of a second, each together
 * with its event. A decision is an answer, not something a caller handed over (those are
 * always flushed), and the caller keeps its own copy.
 */
@Injectable()
export class DecisionLog {
  private readonly groups: GroupCommit<LoggedDecision, undefined>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {
    this.groups = new GroupCommit(
      async (decisions) => {
        await this.write(decisions);
        return decisions.map(() => undefined);
      },
      { maxGroup: MAX_BATCH },
    );
  }

  record(decision: LoggedDecision): Promise<void> {
    return this.groups.submit(decision);
  }

  /** The decisions and their events in one statement: one round trip, committed whole or not at all. */
  private async write(decisions: LoggedDecision[]): Promise<void> {
    const column = <T>(pick: (d: LoggedDecision) => T) => decisions.map(pick);
    await this.outbox.writeWith(
      this.dataSource,
      {
        sql: `INSERT INTO decisions (id, subject_id, scene, region, sector, outcome, measures, reasons, asked_by, decided_at, decided_on)
              SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::timestamptz[], $11::date[])`,
        params: [
          column((d) => d.decisionId),
          column((d) => d.subjectId),
          column((d) => d.scene),
          column((d) => d.region),
          column((d) => d.sector),
          column((d) => d.outcome),
          column((d) => JSON.stringify(d.measures)),
          column((d) => JSON.stringify(d.reasons)),
          column((d) => d.askedBy),
          column((d) => d.decidedAt.toISOString()),
          column((d) => d.decidedOn),
        ],
      },
      Events.MeasuresDecisionMade,
      decisions.map((d) => ({
        subjectId: d.subjectId,
        region: d.region,
        occurredAt: d.decidedAt,
        data: {
          decisionId: d.decisionId,
          subjectId: d.subjectId,
          scene: d.scene,
          region: d.region,
          sector: d.sector || null,
          outcome: d.outcome,
          measures: d.measures,
          reasons: d.reasons,
          askedBy: d.askedBy,
          decidedAt: d.decidedAt.toISOString(),
        },
      })),
      { asynchronousCommit: true },
    );
  }
}
