import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@platform/service';
import type { JointMeasuresConfig } from '../joint-measures.definition';
import { DECISION_FACTS_CACHE, decisionFactsCacheProvider, type DecisionFactsCache } from './application/facts-cache.tokens';
import { FactsChangeFeed } from './infrastructure/facts-change-feed';

/** Starts this replica's change feed after boot and stops it on shutdown. */
@Injectable()
export class FactsChangeFeedLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FactsChangeFeed');
  private readonly feed: FactsChangeFeed;
  private lostSince: number | undefined;

  constructor(
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
    @Inject(SERVICE_CONFIG) config: JointMeasuresConfig,
  ) {
    this.feed = new FactsChangeFeed(cache, {
      databaseUrl: config.DATABASE_URL,
      onStatus: (status, error) => {
        if (status === 'listening') {
          if (this.lostSince !== undefined) this.logger.log('decision cache change feed is back; caching again');
          this.lostSince = undefined;
        } else if (this.lostSince === undefined) {
          this.lostSince = Date.now();
          this.logger.warn({ err: error }, 'decision cache change feed lost; decisions read the database until it is back');
        }
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.cache.enabled) await this.feed.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.feed.stop();
  }
}

/** The decision read cache and the feed that invalidates it on every replica (ADR 0025). */
@Module({
  providers: [decisionFactsCacheProvider, FactsChangeFeedLifecycle],
  exports: [DECISION_FACTS_CACHE],
})
export class FactsCacheModule {}
