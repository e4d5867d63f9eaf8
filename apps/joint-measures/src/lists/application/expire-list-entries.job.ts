import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { JointMeasuresConfig } from '../../joint-measures.definition';
import { remove } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import { ListEntryLedger } from './list-entry-ledger';

const CHUNK = 200;

/**
 * Removes effective entries past their last day (e.g. 2 years on the severe overload list) and
 * announces each removal. Decisions never depend on the sweep having run: an entry past its end
 * is out of force by date alone; the sweep records the removal and tells other services.
 */
@Injectable()
export class ExpireListEntriesJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpireListEntriesJob');
  private readonly loop = new PeriodicWork(() => this.run(), this.logger, { whileBusy: 'skip', failure: 'list expiry sweep failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(SERVICE_CONFIG) private readonly config: JointMeasuresConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.LIST_EXPIRY_SWEEP_MS, { immediately: false, unref: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: removes every entry whose last day is before `today`; returns how many. */
  async run(today = chinaDateOf(new Date())): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.dataSource.transaction(async (manager) => {
        const expired = await listEntries.lockExpired(manager, today, CHUNK);
        for (const entry of expired) await this.ledger.save(manager, remove(entry, 'expiry', today, `last day was ${entry.endsOn}`));
        return expired.length;
      });
      total += removed;
      if (removed < CHUNK) return total;
    }
  }
}
