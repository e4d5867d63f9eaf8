import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';

export const evaluationConfigSchema = baseServiceEnv;

/**
 * Evaluation owns versioned scoring schemes, cycles and explained results (DOMAIN.md §3).
 * Features arrive with this service's own issue; until then it runs the platform runtime:
 * its schema with outbox and inbox, its stream, gRPC health and reflection, probes and metrics.
 */
export const evaluationDefinition: ServiceDefinition = {
  name: 'evaluation',
  schema: 'evaluation',
  entities: [],
  migrations: [MessagingTables1763700000000],
  protoPackages: [],
  streams: ['EVALUATION'],
};
