import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { PermitsConfig } from '../../permits.definition';
import { dailyDrawSeed, drawRemoteInspections } from '../domain/remote-inspection-draw';
import { lockDayPool, recordDraw, undrawnDays } from '../infrastructure/remote-inspection-draws.repository';

const DAYS_PER_RUN = 100;

/**
 * The daily remote-inspection draw (issue 18 item 3; seed 002 案例7: 按照每天的申报数量不低于10%的比例随机进行抽查):
 * once a China day is over, each accepting region's commitment applications of that day are drawn,
 * PERMIT_REMOTE_DRAW_PERCENT (≥ 10) of them, seeded by region and day (`dailyDrawSeed`), so the draw
 * is reproducible. Each (region, day) is drawn once, kept in `remote_inspection_draws`, and every
 * application answers `remoteInspection` drawn or not-drawn.
 */
@Injectable()
export class DrawRemoteInspectionsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RemoteInspectionDraw');
  private readonly loop = new PeriodicWork(() => this.runOnce(new Date()), this.logger, { whileBusy: 'skip', failure: 'remote inspection draw failed' });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<PermitsConfig, 'PERMIT_REMOTE_DRAW_INTERVAL_MS' | 'PERMIT_REMOTE_DRAW_PERCENT'>,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.PERMIT_REMOTE_DRAW_INTERVAL_MS, { immediately: true, unref: true });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Draws every finished, undrawn (region, day) as of `now`; returns how many days were drawn. */
  async runOnce(now: Date): Promise<number> {
    const percent = this.config.PERMIT_REMOTE_DRAW_PERCENT;
    let drawn = 0;
    for (const { region, day } of await undrawnDays(this.dataSource.manager, chinaDateOf(now), DAYS_PER_RUN)) {
      if (this.loop.stopping) break;
      const done = await this.dataSource.transaction(async (manager) => {
        const pool = await lockDayPool(manager, region, day);
        if (!pool) return false;
        const draw = drawRemoteInspections(pool, dailyDrawSeed(region, day), percent);
        await recordDraw(manager, region, day, percent, draw, pool, now);
        this.logger.log({ region, day, seed: draw.seed, pool: draw.pool, drawn: draw.drawn.length }, 'remote inspections drawn');
        return true;
      });
      if (done) drawn += 1;
    }
    return drawn;
  }
}
