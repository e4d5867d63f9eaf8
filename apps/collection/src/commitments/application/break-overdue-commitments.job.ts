import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CollectionConfig } from '../../collection.definition';
import { validateSubmission, ValidSubmission } from '../../records/domain/record-submission';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import { rulePrefix } from '../../scheduling/domain/local-rule';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { effectiveDueDate, FulfilmentPeriodRule, isOverdue } from '../domain/fulfilment-period';

/** The client id under which the platform itself records what it finds (never a real client's). */
export const COMMITMENT_SYSTEM_CLIENT = 'system:commitments';

interface Cursor {
  decisionDate: string;
  id: string;
}

interface OverdueRow {
  id: string;
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
 * becomes a `commitment-broken` record made by the system (DOMAIN.md §2; seed 001 第5条). Never
 * twice: the broken record's source id is derived from the commitment, and
 * (source client, source record id) is unique (a replica that loses a race writes nothing);
 * replicas split the work with SKIP LOCKED.
 */
@Injectable()
export class BreakOverdueCommitmentsJob implements ScheduledJob, OnModuleInit {
  readonly name = 'commitments.break-overdue';
  private readonly logger = new Logger('Commitments');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG)
    private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE' | 'COMMITMENT_FULFILMENT_RULES' | 'AUTO_BROKEN_COMMITMENT_SEVERITY'>,
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
    const submissions = candidates.filter((c) => !settled.has(c.id)).flatMap((row) => this.brokenRecordOrSkip(row, rules, today) ?? []);
    const written = submissions.length > 0 ? await this.writer.write(manager, COMMITMENT_SYSTEM_CLIENT, submissions, now) : [];
    return { written: written.length, last: { decisionDate: last.decision_date, id: last.id } };
  }

  /** Live commitments past their effective due date, after the cursor; other replicas' rows are skipped. */
  private lockOverdue(manager: EntityManager, today: string, rules: readonly FulfilmentPeriodRule[], after: Cursor): Promise<OverdueRow[]> {
    return manager.query(
      `SELECT c.id, c.subject_kind, c.subject_id, c.subject_name, c.region, c.decision_date::text AS decision_date, c.document_number, c.payload
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

  /** Which of these commitments already have a broken record, or a fulfilment that still stands. */
  private async settled(manager: EntityManager, commitmentIds: string[]): Promise<Set<string>> {
    const rows: { commitment_id: string }[] = await manager.query(
      `SELECT payload->>'commitmentRecordId' AS commitment_id FROM credit_records
        WHERE record_type IN ('commitment-fulfilled', 'commitment-broken') AND payload->>'commitmentRecordId' = ANY($1::text[])
          AND (record_type = 'commitment-broken' OR status <> 'revoked')`,
      [commitmentIds],
    );
    return new Set(rows.map((r) => r.commitment_id));
  }

  private brokenRecordOrSkip(row: OverdueRow, rules: readonly FulfilmentPeriodRule[], today: string): ValidSubmission | undefined {
    try {
      return this.brokenRecord(row, rules, today);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.error({ commitmentId: row.id, violations: error.violations }, 'could not build the broken record; skipped');
      return undefined;
    }
  }

  /** The broken record, validated like any submission; undefined (and logged) if the domain rule disagrees. */
  private brokenRecord(row: OverdueRow, rules: readonly FulfilmentPeriodRule[], today: string): ValidSubmission | undefined {
    const due = effectiveDueDate(
      { region: row.region, decisionDate: row.decision_date, dueDate: row.payload.dueDate, commitmentType: row.payload.commitmentType },
      rules,
    );
    if (!isOverdue(due.dueOn, today)) {
      this.logger.warn({ commitmentId: row.id, dueOn: due.dueOn }, 'selected a commitment that is not overdue; skipped');
      return undefined;
    }
    const basis = due.rule ? `；履约期限依据：${due.rule.source}` : '';
    const payload: Record<string, unknown> = {
      commitmentRecordId: row.id,
      description: `信用承诺（${row.document_number}）履约期限 ${due.dueOn} 届满，未收到履约记录${basis}`.slice(0, 1000),
      detectedBy: 'automatic-due-date',
      ...(due.rule?.consequence ? { consequence: due.rule.consequence } : {}),
    };
    return validateSubmission(
      {
        recordType: 'commitment-broken',
        subject: { kind: row.subject_kind, id: row.subject_id, name: row.subject_name },
        region: row.region,
        severity: this.config.AUTO_BROKEN_COMMITMENT_SEVERITY,
        decisionDate: today,
        documentNumber: `AUTO-CB-${row.id}`,
        sourceRecordId: `commitment-broken:${row.id}`,
        payloadJson: JSON.stringify(payload),
        idempotencyKey: '',
      },
      this.catalogues.current(today),
      today,
    );
  }
}
