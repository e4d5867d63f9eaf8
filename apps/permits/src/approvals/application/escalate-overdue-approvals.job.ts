import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { escalateOverdueApprovals } from '../infrastructure/province-approvals.repository';

const CHUNK = 500;

/**
 * A province that has not answered by the cross-province deadline (the classification's 5/10/20
 * working days, issue 18 item 5) is escalated once: `escalated_at` is set, the application answers
 * it (overdue, escalatedAt) and the escalation is logged for the accepting authority's supervisors.
 * Chunks commit on their own; replicas share the work (FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class EscalateOverdueApprovalsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ParallelApproval');
  private readonly loop = new PeriodicWork(() => this.runOnce(new Date()), this.logger, { whileBusy: 'skip', failure: 'approval escalation failed' });

  constructor(
    private readonly dataSource: DataSource,
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
      const escalated = await this.dataSource.transaction((manager) => escalateOverdueApprovals(manager, today, now, CHUNK));
      for (const e of escalated)
        this.logger.warn({ applicationId: e.applicationId, province: e.province, deadline: e.deadline }, 'province approval overdue; escalated');
      total += escalated.length;
      if (escalated.length < CHUNK || this.loop.stopping) return total;
    }
  }
}
