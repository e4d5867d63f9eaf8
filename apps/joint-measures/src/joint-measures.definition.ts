import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';

export const jointMeasuresConfigSchema = baseServiceEnv;

/**
 * Joint measures owns credit lists, the measure catalogue, decisions and inspection draws (DOMAIN.md §4).
 * Features arrive with this service's own issue; until then it runs the platform runtime:
 * its schema with outbox and inbox, its stream, gRPC health and reflection, probes and metrics.
 */
export const jointMeasuresDefinition: ServiceDefinition = {
  name: 'joint-measures',
  schema: 'joint_measures',
  entities: [],
  migrations: [MessagingTables1763700000000],
  protoPackages: [],
  streams: ['MEASURES'],
};
