import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { chinaDateOf } from '@domain/calendar';
import { SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import { rulePrefix } from '../../scheduling/domain/local-rule';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { effectiveDueDate, FulfilmentPeriodRule, isOverdue } from '../domain/fulfilment-period';

/**
 * The client id the platform itself once recorded broken commitments under. Since issue 16 it
 * records none: a finding is confirmed by the accepting unit under its own client id.
 */
export const COMMITMENT_SYSTEM_CLIENT = 'system:commitments';

interface Cursor {
  decisionDate: string;
  id: string;
}

interface OverdueRow {
  id: string;
  source_client_id: string;
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  region: string;
  decision_date: string;
  document_number: string;
  payload: { dueDate: string; commitmentType: string };
}

/**
 * A commitment whose due date has passed with no `commitment-fulfilled` record referring to it
 * becomes a pending finding (issue 16; ADR 0045) for the unit that accepted it — not a record:
 * nothing is published until that unit confirms it with its own decision document
 * (ConfirmCommitmentFindingHandler). Never twice: one finding per commitment (unique), so a
 * replica that loses a race writes nothing; replicas split the work with SKIP LOCKED.
 */
@Injectable()
export class BreakOverdueCommitmentsJob implements ScheduledJob, OnModuleInit {
  readonly name = 'commitments.break-overdue';
  private readonly logger = new Logger('Commitments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG)
    private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE' | 'COMMITMENT_FULFILMENT_RULES'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  /**
   * One pass over overdue commitments in (decision date, id) order, a chunk per transaction. The
   * cursor moves past every candidate seen, settled or not, so a pass is linear in the overdue
   * commitments whatever the planner estimates (an anti-join here went quadratic on stale stats).
   */
  async runOnce(now: Date): Promise<number> {
    let total = 0;
    let after: Cursor = { decisionDate: '0001-01-01', id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const chunk = await this.dataSource.transaction((manager) => this.breakChunk(manager, now, after));
      total += chunk.written;
      if (!chunk.last) return total;
      after = chunk.last;
    }
  }

  private async breakChunk(manager: EntityManager, now: Date, after: Cursor): Promise<{ written: number; last?: Cursor }> {
    const today = chinaDateOf(now);
    const rules = this.config.COMMITMENT_FULFILMENT_RULES;
    const candidates = await this.lockOverdue(manager, today, rules, after);
    const last = candidates.at(-1);
    if (!last) return { written: 0 };
    const settled = await this.settled(
      manager,
      candidates.map((c) => c.id),
    );
    const findings = candidates.filter((c) => !settled.has(c.id)).flatMap((row) => this.findingOrSkip(row, rules, today) ?? []);
    const written = await this.insertFindings(manager, findings, now);
    return { written, last: { decisionDate: last.decision_date, id: last.id } };
  }

  /** The findings, each once per commitment (a replica that lost the race inserts nothing). */
  private async insertFindings(manager: EntityManager, findings: Finding[], now: Date): Promise<number> {
    if (findings.length === 0) return 0;
    const column = <T>(pick: (f: Finding) => T) => findings.map(pick);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO commitment_findings (id, commitment_record_id, subject_kind, subject_id, subject_name, region, accepting_client_id,
          commitment_document_number, due_on, description, consequence, status, detected_at)
       SELECT id, commitment_record_id, subject_kind, subject_id, subject_name, region, accepting_client_id,
          commitment_document_number, due_on, description, consequence, 'pending', $12
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], $11::text[])
           AS f (id, commitment_record_id, subject_kind, subject_id, subject_name, region, accepting_client_id, commitment_document_number, due_on, description, consequence)
       ON CONFLICT (commitment_record_id) DO NOTHING
       RETURNING id`,
      [
        column(() => uuidv7()),
        column((f) => f.row.id),
        column((f) => f.row.subject_kind),
        column((f) => f.row.subject_id),
        column((f) => f.row.subject_name),
        column((f) => f.row.region),
        column((f) => f.row.source_client_id),
        column((f) => f.row.document_number),
        column((f) => f.dueOn),
        column((f) => f.description),
        column((f) => f.consequence),
        now,
      ],
    );
    return inserted.length;
  }

  /** Live commitments past their effective due date, after the cursor; other replicas' rows are skipped. */
  private lockOverdue(manager: EntityManager, today: string, rules: readonly FulfilmentPeriodRule[], after: Cursor): Promise<OverdueRow[]> {
    return manager.query(
      `SELECT c.id, c.source_client_id, c.subject_kind, c.subject_id, c.subject_name, c.region, c.decision_date::text AS decision_date, c.document_number, c.payload
         FROM credit_records c
         LEFT JOIN LATERAL (
           SELECT r.days FROM unnest($2::text[], $3::text[], $4::int[]) AS r (prefix, commitment_type, days)
            WHERE c.region LIKE r.prefix || '%' AND (r.commitment_type = '*' OR r.commitment_type = c.payload->>'commitmentType')
            ORDER BY length(r.prefix) DESC LIMIT 1) rule ON true
        WHERE c.record_type = 'credit-commitment' AND c.status IN ('active', 'corrected')
          AND (c.decision_date, c.id) > ($6::date, $7::uuid)
          AND LEAST((c.payload->>'dueDate')::date, c.decision_date + rule.days) < $1::date
        ORDER BY c.decision_date, c.id
        LIMIT $5
        FOR UPDATE OF c SKIP LOCKED`,
      [
        today,
        rules.map(rulePrefix),
        rules.map((r) => r.commitmentType),
        rules.map((r) => r.days),
        this.config.SCHEDULE_CHUNK_SIZE,
        after.decisionDate,
        after.id,
      ],
    );
  }

  /**
   * Which of these commitments are settled: a finding already made (whatever its decision), a
   * broken record (e.g. one a unit recorded itself), or a fulfilment that still stands.
   */
  private async settled(manager: EntityManager, commitmentIds: string[]): Promise<Set<string>> {
    const rows: { commitment_id: string }[] = await manager.query(
      `SELECT payload->>'commitmentRecordId' AS commitment_id FROM credit_records
        WHERE record_type IN ('commitment-fulfilled', 'commitment-broken') AND payload->>'commitmentRecordId' = ANY($1::text[])
          AND (record_type = 'commitment-broken' OR status <> 'revoked')
       UNION
       SELECT commitment_record_id::text FROM commitment_findings WHERE commitment_record_id = ANY($1::uuid[])`,
      [commitmentIds],
    );
    return new Set(rows.map((r) => r.commitment_id));
  }

  /** The finding, or undefined (and logged) if the domain rule disagrees that the commitment is overdue. */
  private findingOrSkip(row: OverdueRow, rules: readonly FulfilmentPeriodRule[], today: string): Finding | undefined {
    const due = effectiveDueDate(
      { region: row.region, decisionDate: row.decision_date, dueDate: row.payload.dueDate, commitmentType: row.payload.commitmentType },
      rules,
    );
    if (!isOverdue(due.dueOn, today)) {
      this.logger.warn({ commitmentId: row.id, dueOn: due.dueOn }, 'selected a commitment that is not overdue; skipped');
      return undefined;
    }
    const basis = due.rule ? `；履约期限依据：${due.rule.source}` : '';
    return {
      row,
      dueOn: due.dueOn,
      description: `信用承诺（${row.document_number}）履约期限 ${due.dueOn} 届满，未收到履约记录${basis}`.slice(0, 1000),
      consequence: due.rule?.consequence ?? null,
    };
  }
}

interface Finding {
  row: OverdueRow;
  dueOn: string;
  description: string;
  consequence: string | null;
}
