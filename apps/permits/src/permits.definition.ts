import { ProtoPackages } from '@contracts';
import { baseServiceEnv, z } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { RouteConformance1763700003100 } from './migrations/1763700003100-route-conformance';

export const permitsConfigSchema = baseServiceEnv.extend({
  // Route conformance (issue 18 item 8, ADR 0059).
  /** Half-width of the corridor around a permitted route, metres. */
  ROUTE_CORRIDOR_WIDTH_M: z.coerce.number().min(10).max(20_000).default(500),
  /** At most this old is an instance's copy of the permits in force (another replica may apply an event). */
  ROUTE_CONFORMANCE_REFRESH_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** Positions per batch (REST and JetStream). */
  POSITION_BATCH_MAX: z.coerce.number().int().min(1).max(100_000).default(5_000),
  POSITION_MAX_SPEED_KMH: z.coerce.number().min(1).max(1_000).default(160),
  POSITION_MAX_FUTURE_SKEW_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
  /** Back in conformance this long ends an episode. */
  EPISODE_CLOSE_AFTER_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  /** No position for this long ends an episode. */
  EPISODE_GAP_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(1_800_000),
});
export type PermitsConfig = z.infer<typeof permitsConfigSchema>;

/**
 * Permits owns oversize-transport applications, approvals, permits and checkpoint checks (DOMAIN.md §7).
 * Features arrive with this service's own issue; until then it runs the platform runtime:
 * its schema with outbox and inbox, its stream, gRPC health and reflection, probes and metrics.
 */
export const permitsDefinition: ServiceDefinition = {
  name: 'permits',
  schema: 'permits',
  entities: [],
  migrations: [MessagingTables1763700000000, RouteConformance1763700003100],
  protoPackages: [ProtoPackages.permits],
  streams: ['PERMITS', 'POSITIONS'],
};
