import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CollectionConfig } from '../../collection.definition';
import { validateSubmission, ValidSubmission } from '../../records/domain/record-submission';
import { RecordWriter } from '../../records/infrastructure/record-writer';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import { rulePrefix } from '../../scheduling/domain/local-rule';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { effectiveDueDate, FulfilmentPeriodRule, isOverdue } from '../domain/fulfilment-period';

/** The client id under which the platform itself records what it finds (never a real client's). */
export const COMMITMENT_SYSTEM_CLIENT = 'system:commitments';

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
 * (source client, source record id) is unique; replicas split the work with SKIP LOCKED.
 */
@Injectable()
export class BreakOverdueCommitmentsJob implements ScheduledJob, OnModuleInit {
  readonly name = 'commitments.break-overdue';
  private readonly logger = new Logger('Commitments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RecordWriter,
    private readonly catalogues: CatalogueStore,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE' | 'COMMITMENT_FULFILMENT_RULES' | 'AUTO_BROKEN_COMMITMENT_SEVERITY'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async runOnce(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const written = await this.dataSource.transaction((manager) => this.breakChunk(manager, now));
      total += written;
      if (written === 0) return total;
    }
  }

  private async breakChunk(manager: EntityManager, now: Date): Promise<number> {
    const today = chinaDateOf(now);
    const rules = this.config.COMMITMENT_FULFILMENT_RULES;
    const rows = await this.lockOverdue(manager, today, rules);
    const submissions = rows.flatMap((row) => this.brokenRecordOrSkip(row, rules, today) ?? []);
    if (submissions.length === 0) return 0;
    const written = await this.writer.write(manager, COMMITMENT_SYSTEM_CLIENT, submissions, now);
    return written.length;
  }

  /** Active commitments past their effective due date, with neither a fulfilment nor a broken record. */
  private lockOverdue(manager: EntityManager, today: string, rules: readonly FulfilmentPeriodRule[]): Promise<OverdueRow[]> {
    return manager.query(
      `SELECT c.id, c.subject_kind, c.subject_id, c.subject_name, c.region, c.decision_date::text AS decision_date, c.document_number, c.payload
         FROM credit_records c
         LEFT JOIN LATERAL (
           SELECT r.days FROM unnest($2::text[], $3::text[], $4::int[]) AS r (prefix, commitment_type, days)
            WHERE c.region LIKE r.prefix || '%' AND (r.commitment_type = '*' OR r.commitment_type = c.payload->>'commitmentType')
            ORDER BY length(r.prefix) DESC LIMIT 1) rule ON true
        WHERE c.record_type = 'credit-commitment' AND c.status IN ('active', 'corrected')
          AND LEAST((c.payload->>'dueDate')::date, c.decision_date + rule.days) < $1::date
          AND NOT EXISTS (SELECT 1 FROM credit_records b WHERE b.record_type = 'commitment-broken' AND b.payload->>'commitmentRecordId' = c.id::text)
          AND NOT EXISTS (SELECT 1 FROM credit_records f WHERE f.record_type = 'commitment-fulfilled' AND f.status <> 'revoked'
                                                          AND f.payload->>'commitmentRecordId' = c.id::text)
        ORDER BY c.decision_date, c.id
        LIMIT $5
        FOR UPDATE OF c SKIP LOCKED`,
      [today, rules.map(rulePrefix), rules.map((r) => r.commitmentType), rules.map((r) => r.days), this.config.SCHEDULE_CHUNK_SIZE],
    );
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
    const due = effectiveDueDate({ region: row.region, decisionDate: row.decision_date, dueDate: row.payload.dueDate, commitmentType: row.payload.commitmentType }, rules);
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
