import { ProtoPackages } from '@contracts';
import { baseServiceEnv, grpcAddress, z } from '@platform/config';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { PermitApplications1763700003000 } from './migrations/1763700003000-permit-applications';
import { Permits1763700003010 } from './migrations/1763700003010-permits';

export const permitsConfigSchema = baseServiceEnv.extend({
  /** Joint measures' gRPC address: the credit path of an application (scene permit.application). */
  JOINT_MEASURES_GRPC_URL: grpcAddress,
  /** How long an application waits for joint measures before it takes the standard path. */
  PERMITS_CREDIT_CHECK_DEADLINE_MS: z.coerce.number().int().min(20).max(10_000).default(500),
});
export type PermitsConfig = z.infer<typeof permitsConfigSchema>;

/**
 * Permits owns oversize-transport applications, approvals, permits and checkpoint checks (DOMAIN.md §7).
 * Applications (issue 18 items 1–4) are classified by the national rule and take the credit path
 * that joint measures keeps open; the platform runtime gives the schema with outbox, inbox and
 * idempotency keys, the stream, gRPC health and reflection, probes and metrics.
 */
export const permitsDefinition: ServiceDefinition = {
  name: 'permits',
  schema: 'permits',
  entities: [],
  migrations: [MessagingTables1763700000000, IdempotencyKeys1763700000001, PermitApplications1763700003000, Permits1763700003010],
  protoPackages: [ProtoPackages.permits],
  streams: ['PERMITS'],
};
