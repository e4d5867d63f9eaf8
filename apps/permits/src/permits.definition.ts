import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';

export const permitsConfigSchema = baseServiceEnv;

/**
 * Permits owns oversize-transport applications, approvals, permits and checkpoint checks (DOMAIN.md §7).
 * Features arrive with this service's own issue; until then it runs the platform runtime:
 * its schema with outbox and inbox, its stream, gRPC health and reflection, probes and metrics.
 */
export const permitsDefinition: ServiceDefinition = {
  name: 'permits',
  schema: 'permits',
  entities: [],
  migrations: [MessagingTables1763700000000],
  protoPackages: [],
  streams: ['PERMITS'],
};
