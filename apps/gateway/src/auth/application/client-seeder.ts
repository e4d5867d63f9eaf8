import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import type { NewClient } from '../domain/client-registration';
import { ClientRegistry } from './client-registry';

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
 * at boot, in one statement, through ClientRegistry (which stores only the hash, like the admin
 * API). Re-running with the same file keeps secrets in step; a bad entry stops the boot naming it.
 */
@Injectable()
export class ClientSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('ClientSeeder');

  constructor(
    private readonly registry: ClientRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = this.config.GATEWAY_CLIENTS_SEED_FILE;
    if (!file) return;
    const seeds = JSON.parse(readFileSync(file, 'utf8')) as { clients: ClientSeed[] };
    try {
      await this.registry.registerSeeds(seeds.clients as (NewClient & { clientSecret: string })[]);
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.logger.log(`registered ${seeds.clients.length} clients from ${file}`);
  }
}
