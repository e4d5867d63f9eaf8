import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { OutboxPublisher, PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { escalateOverdueApprovals, type EscalatedApproval } from '../infrastructure/province-approvals.repository';

const CHUNK = 500;

/**
 * A province that has not answered by the cross-province deadline (the classification's 5/10/20
 * working days, issue 18 item 5) is escalated once: `escalated_at` is set, the application answers
 * it (overdue, escalatedAt), `permits.approvals.escalated` is appended in the same transaction
 * (outbox) for the accepting authority's supervisors, and the escalation is logged.
 * Chunks commit on their own; replicas share the work (FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class EscalateOverdueApprovalsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ParallelApproval');
  private readonly loop = new PeriodicWork(() => this.runOnce(new Date()), this.logger, { whileBusy: 'skip', failure: 'approval escalation failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<PermitsConfig, 'PERMIT_APPROVAL_ESCALATION_INTERVAL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.PERMIT_APPROVAL_ESCALATION_INTERVAL_MS, { immediately: false, unref: true });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Escalates every overdue province as of `now`; returns how many. */
  async runOnce(now: Date): Promise<number> {
    const today = chinaDateOf(now);
    let total = 0;
    for (;;) {
      const escalated = await this.dataSource.transaction((manager) => this.escalate(manager, today, now));
      for (const e of escalated)
        this.logger.warn({ applicationId: e.applicationId, province: e.province, deadline: e.deadline }, 'province approval overdue; escalated');
      total += escalated.length;
      if (escalated.length < CHUNK || this.loop.stopping) return total;
    }
  }

  private async escalate(manager: EntityManager, today: string, now: Date): Promise<EscalatedApproval[]> {
    const escalated = await escalateOverdueApprovals(manager, today, now, CHUNK);
    await this.outbox.appendMany(
      manager,
      Events.PermitApprovalEscalated,
      escalated.map((e) => ({
        subjectId: e.carrierUscc,
        region: e.region,
        occurredAt: now,
        data: { applicationId: e.applicationId, acceptingRegion: e.region, province: e.province, deadline: e.deadline, escalatedAt: now.toISOString() },
      })),
    );
    return escalated;
  }
}
