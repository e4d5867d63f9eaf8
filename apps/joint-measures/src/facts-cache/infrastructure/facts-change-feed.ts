import { Client } from 'pg';
import { FACTS_CHANGED_CHANNEL } from '../../migrations/1763700000530-facts-changed-notifications';
import type { SubjectFactsCache } from '../application/subject-facts-cache';

export interface FactsChangeFeedOptions {
  databaseUrl: string;
  /** Wait before reconnecting after the connection is lost. */
  retryMs?: number;
  onStatus?: (status: 'listening' | 'lost', error?: unknown) => void;
}

/**
 * One LISTEN connection per replica on `joint_measures_facts` (NOTIFY from triggers, delivered
 * after commit to every replica): each notification drops that subject from this replica's
 * cache. The cache serves only while the connection is up; when it drops, the cache is emptied
 * and bypassed until LISTEN succeeds again (changes missed meanwhile cannot be served stale).
 */
export class FactsChangeFeed {
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly cache: SubjectFactsCache<unknown>,
    private readonly options: FactsChangeFeedOptions,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.cache.setLive(false);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: 'joint_measures-facts-listener', keepAlive: true });
    let down = false;
    const lost = (error?: unknown) => {
      if (down) return;
      down = true;
      this.cache.setLive(false);
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      this.options.onStatus?.('lost', error);
      if (!this.stopped) this.retry = setTimeout(() => void this.connect(), this.options.retryMs ?? 1000);
    };
    client.on('notification', (n) => {
      if (n.payload) this.cache.invalidate(n.payload);
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${FACTS_CHANGED_CHANNEL}`);
    } catch (error) {
      lost(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // From here every change is announced to us: start from nothing and cache again.
    this.cache.setLive(true);
    this.options.onStatus?.('listening');
  }
}
