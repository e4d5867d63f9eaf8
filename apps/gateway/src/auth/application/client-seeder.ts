import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CLIENT_KINDS } from '@platform/auth';
import { parseRegionCode } from '@domain/identifiers';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import { hashSecret } from '../domain/client-secret';
import { ClientEntity } from '../infrastructure/client.entity';

export interface ClientSeed {
  clientId: string;
  clientSecret: string;
  name: string;
  kind: 'integrator' | 'partner' | 'admin';
  region: string;
  scopes: string[];
}

/**
 * Registers the clients listed in GATEWAY_CLIENTS_SEED_FILE (the local stack's demo clients)
 * at boot, storing only the hash. Re-running with the same file keeps secrets in step.
 */
@Injectable()
export class ClientSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ClientSeeder');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.GATEWAY_CLIENTS_SEED_FILE) return;
    const seeds = JSON.parse(readFileSync(this.config.GATEWAY_CLIENTS_SEED_FILE, 'utf8')) as { clients: ClientSeed[] };
    for (const seed of seeds.clients) await this.upsert(seed);
    this.logger.log(`registered ${seeds.clients.length} clients from ${this.config.GATEWAY_CLIENTS_SEED_FILE}`);
  }

  async upsert(seed: ClientSeed): Promise<void> {
    if (!(CLIENT_KINDS as readonly string[]).includes(seed.kind) || !parseRegionCode(seed.region).ok) {
      throw new Error(`client seed ${seed.clientId}: bad kind or region`);
    }
    await this.dataSource.getRepository(ClientEntity).upsert(
      {
        clientId: seed.clientId,
        name: seed.name,
        kind: seed.kind,
        region: seed.region,
        scopes: seed.scopes,
        secretHash: await hashSecret(seed.clientSecret),
        disabled: false,
        createdAt: new Date(),
      },
      ['clientId'],
    );
  }
}
