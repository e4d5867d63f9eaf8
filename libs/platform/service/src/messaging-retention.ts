import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BaseServiceConfig, ConfigError } from '@platform/config';
import { MessagingPruner, retentionProblem } from '@platform/messaging';
import { PeriodicWork } from './periodic-work';
import { SERVICE_CONFIG } from './tokens';

type RetentionConfig = Pick<BaseServiceConfig, 'MESSAGING_RETENTION_MS' | 'MESSAGING_PRUNE_INTERVAL_MS' | 'MESSAGING_PRUNE_BATCH'>;

/** Stops the boot when MESSAGING_RETENTION_MS is too short for the duplicate window or a consumer (ADR 0072). */
export function assertMessagingRetention(
  config: Pick<BaseServiceConfig, 'MESSAGING_RETENTION_MS'>,
  consumers: Parameters<typeof retentionProblem>[1] = [],
): void {
  const problem = retentionProblem(config.MESSAGING_RETENTION_MS, consumers);
  if (problem) throw new ConfigError([{ variable: 'MESSAGING_RETENTION_MS', message: `${config.MESSAGING_RETENTION_MS} ${problem}` }]);
}

/** Prunes the service's outbox and inbox every MESSAGING_PRUNE_INTERVAL_MS, in short batches. */
@Injectable()
export class MessagingRetention {
  private readonly logger = new Logger('MessagingRetention');
  private readonly pruner: MessagingPruner;
  private readonly work: PeriodicWork;

  constructor(
    dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: RetentionConfig,
  ) {
    this.pruner = new MessagingPruner(dataSource, { retentionMs: config.MESSAGING_RETENTION_MS, batchSize: config.MESSAGING_PRUNE_BATCH });
    this.work = new PeriodicWork(() => this.pass(), this.logger, { whileBusy: 'skip', failure: 'pruning outbox and inbox failed' });
  }

  start(): void {
    this.work.start(this.config.MESSAGING_PRUNE_INTERVAL_MS, { immediately: false });
  }

  stop(): Promise<void> {
    return this.work.stop();
  }

  private async pass(): Promise<void> {
    const pruned = await this.pruner.prune(() => this.work.stopping);
    if (pruned.outbox + pruned.inbox > 0) this.logger.log({ ...pruned }, 'pruned outbox and inbox rows past the retention');
  }
}
