import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How often a replica reloads the disabled clients (another replica may have disabled one). */
export const DISABLED_CLIENTS_REFRESH_MS = 5_000;

/**
 * The ids of disabled clients, held in memory by every gateway replica so that a token of a
 * disabled client is refused before its expiry without a database read per request (ADR 0041):
 * at once on the replica that disabled it, within DISABLED_CLIENTS_REFRESH_MS on the others.
 * Tokens are otherwise stateless (VerifiedTokenCache). A failed reload keeps the last set.
 */
@Injectable()
export class DisabledClients implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DisabledClients');
  private ids = new Set<string>();
  /** Disabled here lately: kept through a reload whose read may have begun before the commit. */
  private readonly recent = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(
      () => void this.reload().catch((error: unknown) => this.logger.warn({ err: error }, 'disabled clients not reloaded')),
      DISABLED_CLIENTS_REFRESH_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  has(clientId: string): boolean {
    return this.ids.has(clientId);
  }

  /** Disabled through this replica: refused here from now on, before the next reload. */
  add(clientId: string): void {
    this.ids.add(clientId);
    this.recent.set(clientId, Date.now());
  }

  /** Reads the disabled clients again (every DISABLED_CLIENTS_REFRESH_MS; at once in tests). */
  async reload(): Promise<void> {
    const rows: { client_id: string }[] = await this.dataSource.query(`SELECT client_id FROM clients WHERE disabled`);
    const ids = new Set(rows.map((r) => r.client_id));
    for (const [clientId, at] of this.recent) {
      if (Date.now() - at < 2 * DISABLED_CLIENTS_REFRESH_MS) ids.add(clientId);
      else this.recent.delete(clientId);
    }
    this.ids = ids;
  }
}
