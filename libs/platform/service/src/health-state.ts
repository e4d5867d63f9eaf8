import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JetStreamHandles } from '@platform/messaging';
import { JETSTREAM } from './tokens';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'up' | 'down' | 'draining'>;
}

/** Readiness = database answers, NATS is connected, and we are not shutting down. */
@Injectable()
export class HealthState {
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
  ) {}

  startDraining(): void {
    this.draining = true;
  }

  async readiness(): Promise<ReadinessReport> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const nats = this.jetstream.nc.isClosed() ? ('down' as const) : ('up' as const);
    const checks = { database, nats, lifecycle: this.draining ? ('draining' as const) : ('up' as const) };
    return { ready: Object.values(checks).every((c) => c === 'up'), checks };
  }
}
