import { ProtoPackages } from '@contracts';
import { backendServiceEnv, grpcAddress, publicBaseUrlIssue, z } from '@platform/config';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import { StoredFiles1763700007100 } from '@platform/files';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { PermitApplications1763700003000 } from './migrations/1763700003000-permit-applications';
import { Permits1763700003010 } from './migrations/1763700003010-permits';
import { RouteConformance1763700003100 } from './migrations/1763700003100-route-conformance';
import { PermitApprovalEscalation1763700003300 } from './migrations/1763700003300-permit-approval-escalation';
import { CheckpointInspections1763700003400 } from './migrations/1763700003400-checkpoint-inspections';
import { PermitRevocations1763700003500 } from './migrations/1763700003500-permit-revocations';
import { ApplicationCorrections1763700003510 } from './migrations/1763700003510-application-corrections';
import { RemoteInspectionDraws1763700003520 } from './migrations/1763700003520-remote-inspection-draws';

export const permitsConfigSchema = backendServiceEnv
  .extend({
    /** Joint measures' gRPC address: the credit path of an application (scene permit.application). */
    JOINT_MEASURES_GRPC_URL: grpcAddress,
    /** How long an application waits for joint measures before it takes the standard path. */
    PERMITS_CREDIT_CHECK_DEADLINE_MS: z.coerce.number().int().min(20).max(10_000).default(500),
    /**
     * The platform's public address (the gateway as citizens reach it): a permit's QR code opens
     * PUBLIC_BASE_URL/#/permits/{permitNo} (the portal's permit page). The default is the local
     * stack's gateway, as disclosure's for credit reports; production refuses a loopback address, so
     * each deployment sets its real one (k8s configmap).
     */
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:8080'),
    /** How often finished days whose commitment applications have not been drawn yet are drawn (remote inspection). */
    PERMIT_REMOTE_DRAW_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
    /** The share of each day's commitment applications drawn for a remote inspection, at least 10 (seed 002 案例7). */
    PERMIT_REMOTE_DRAW_PERCENT: z.coerce.number().int().min(10).max(100).default(10),
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
    // Cross-province parallel approval (issue 18 item 5, ADR 0063).
    /** How often provinces that have not answered by the cross-province deadline are looked for and escalated. */
    PERMIT_APPROVAL_ESCALATION_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
    // Checkpoint inspection (issue 18 item 7): tolerances above the permit before 大车小证. No national
    // number is configured: the defaults are placeholders (inspections/domain/tolerances.ts); a
    // deployment sets the numbers and names the rule they come from.
    CHECKPOINT_TOLERANCE_HEIGHT_M: z.coerce.number().min(0).max(1).default(0.05),
    CHECKPOINT_TOLERANCE_WIDTH_M: z.coerce.number().min(0).max(1).default(0.05),
    CHECKPOINT_TOLERANCE_LENGTH_M: z.coerce.number().min(0).max(2).default(0.1),
    CHECKPOINT_TOLERANCE_MASS_SHARE: z.coerce.number().min(0).max(0.2).default(0.02),
    CHECKPOINT_TOLERANCE_SOURCE: z.string().min(1).max(300).optional(),
  })
  .superRefine((env, ctx) => {
    const issue = publicBaseUrlIssue(env.NODE_ENV, env.PUBLIC_BASE_URL);
    if (issue) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: issue });
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
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    IdempotencyKeys1763700000001,
    PermitApplications1763700003000,
    Permits1763700003010,
    RouteConformance1763700003100,
    PermitApprovalEscalation1763700003300,
    CheckpointInspections1763700003400,
    PermitRevocations1763700003500,
    ApplicationCorrections1763700003510,
    RemoteInspectionDraws1763700003520,
    StoredFiles1763700007100,
  ],
  protoPackages: [ProtoPackages.permits],
  streams: ['PERMITS', 'POSITIONS', 'CREDIT_RECORDS'],
};
