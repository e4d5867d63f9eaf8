import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';

export const repairConfigSchema = baseServiceEnv;

/**
 * Repair owns repair applications, checklists and reminders (DOMAIN.md §5).
 * Features arrive with this service's own issue; until then it runs the platform runtime:
 * its schema with outbox and inbox, its stream, gRPC health and reflection, probes and metrics.
 */
export const repairDefinition: ServiceDefinition = {
  name: 'repair',
  schema: 'repair',
  entities: [],
  migrations: [MessagingTables1763700000000],
  protoPackages: [],
  streams: ['REPAIR'],
};
