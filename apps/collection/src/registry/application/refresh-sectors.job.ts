import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import type { RegistrySource } from '@contracts';
import { SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import { JobScheduler } from '../../scheduling/application/job-scheduler';
import type { ScheduledJob } from '../../scheduling/domain/scheduled-job';
import { RegistryWriter } from './registry-writer';

/** Author of the revisions the job makes; the source stays that of the registration's content. */
export const SECTORS_JOB_AUTHOR = 'system:registry-sectors';

/**
 * An enterprise's sectors are those of its licences in force (ADR 0042), so they change when a
 * licence starts or ends although nothing is written. Each pass takes the enterprises whose
 * `sectors_next_change` has come, a chunk per transaction (`FOR UPDATE SKIP LOCKED`: replicas
 * share the work), and writes each again through RegistryWriter: changed sectors → revision + 1
 * and one event; unchanged ones only move the date on. Idempotent: a second pass finds nothing.
 */
@Injectable()
export class RefreshSectorsJob implements ScheduledJob, OnModuleInit {
  readonly name = 'registry.refresh-sectors';

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RegistryWriter,
    private readonly scheduler: JobScheduler,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'SCHEDULE_CHUNK_SIZE'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async runOnce(now: Date): Promise<number> {
    const today = chinaDateOf(now);
    let changed = 0;
    for (;;) {
      const chunk = await this.dataSource.transaction(async (manager) => {
        const due: { uscc: string; source: RegistrySource }[] = await manager.query(
          `SELECT uscc, source FROM registry_enterprises WHERE sectors_next_change <= $1 ORDER BY uscc LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [today, this.config.SCHEDULE_CHUNK_SIZE],
        );
        let n = 0;
        for (const { uscc, source } of due) {
          const result = await this.writer.enterprise(
            manager,
            uscc,
            (current) => current!,
            { source, changedBy: SECTORS_JOB_AUTHOR, authorise: () => undefined },
            today,
          );
          if (result.outcome === 'updated') n++;
        }
        return { n, size: due.length };
      });
      changed += chunk.n;
      if (chunk.size < this.config.SCHEDULE_CHUNK_SIZE) return changed;
    }
  }
}
