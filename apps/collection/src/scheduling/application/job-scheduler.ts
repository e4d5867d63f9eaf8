import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import type { Clock } from '../domain/clock';
import type { ScheduledJob } from '../domain/scheduled-job';
import { JobLeases } from '../infrastructure/job-leases';
import { CLOCK } from './scheduling.tokens';

/**
 * Runs the registered jobs every SCHEDULE_POLL_MS, each under a lease so that, with several
 * replicas, normally one runs a given job per interval (docs/decisions/0012-collection-schedules-scheduler.md).
 * A failing job is logged and tried again next interval; shutdown waits for the pass in hand.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly jobs: ScheduledJob[] = [];
  private readonly leases: JobLeases;
  private readonly loop = new PeriodicWork(() => this.runAll(), this.logger, { whileBusy: 'skip' });

  constructor(
    dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'SCHEDULE_POLL_MS' | 'SCHEDULE_LEASE_SECONDS' | 'SCHEDULE_ENABLED'>,
  ) {
    this.leases = new JobLeases(dataSource, `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
  }

  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULE_ENABLED) return;
    this.loop.start(this.config.SCHEDULE_POLL_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over every job whose lease this replica gets; skipped if the previous pass still runs. */
  tick(): Promise<void> {
    return this.loop.nudge();
  }

  private async runAll(): Promise<void> {
    for (const job of this.jobs) {
      if (this.loop.stopping) return;
      await this.runJob(job);
    }
  }

  private async runJob(job: ScheduledJob): Promise<void> {
    try {
      if (!(await this.leases.acquire(job.name, this.config.SCHEDULE_LEASE_SECONDS))) return;
      let outcome: string;
      try {
        const changed = await job.runOnce(this.clock.now());
        outcome = `ok: ${changed} changed`;
        if (changed > 0) this.logger.log({ job: job.name, changed }, 'scheduled job changed records');
      } catch (error) {
        outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
        this.logger.error({ job: job.name, err: error }, 'scheduled job failed');
      }
      // Hold the lease for most of the interval so that other replicas skip this pass, while the
      // next tick (one interval after this one started) finds it free again.
      await this.leases.finish(job.name, outcome, (this.config.SCHEDULE_POLL_MS / 1000) * 0.9);
    } catch (error) {
      this.logger.error({ job: job.name, err: error }, 'scheduler lease failed');
    }
  }
}
