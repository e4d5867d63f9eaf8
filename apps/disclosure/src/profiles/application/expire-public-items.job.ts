import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { DisclosureConfig } from '../../disclosure.definition';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';
import { expireDueItems } from '../infrastructure/public-items';

const SWEEP_BATCH = 500;

/**
 * Withdraws items whose maximum publicity period has ended — nobody has to ask — and logs each
 * as `expired` at the instant its period ended (DOMAIN.md §5: at the maximum, publication stops
 * by itself), every EXPIRY_SWEEP_MS. Several replicas may sweep at once: rows are claimed with
 * SKIP LOCKED.
 */
@Injectable()
export class ExpirePublicItemsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExpirySweeper');
  private readonly loop = new PeriodicWork(() => this.sweep(), this.logger, { whileBusy: 'skip', failure: 'expiry sweep failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: PublicationLog,
    @Inject(SERVICE_CONFIG) private readonly config: DisclosureConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.EXPIRY_SWEEP_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Withdraws everything due, a batch per transaction; returns how many items expired. */
  async sweep(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.dataSource.transaction(async (manager) => {
        const items = await expireDueItems(manager, now, SWEEP_BATCH);
        await this.log.append(
          manager,
          items.map((item) => publicationContent('expired', item, item.publishedUntil, 'maximum publicity period')),
        );
        return items.length;
      });
      total += expired;
      if (expired < SWEEP_BATCH) break;
    }
    if (total > 0) this.logger.log({ expired: total }, 'withdrew items at the end of their publicity period');
    return total;
  }
}
