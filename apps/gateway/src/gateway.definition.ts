import { ProtoPackages } from '@contracts';
import { parseRegionCode } from '@domain/identifiers';
import { baseServiceEnv, grpcAddress, z } from '@platform/config';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { AuditLogEntity } from './audit/audit-log.entity';
import { ClientEntity } from './auth/infrastructure/client.entity';
import { corsOriginsSetting } from './http/cors';
import { GatewayClientsAndAudit1763700000300 } from './migrations/1763700000300-clients-and-audit';
import { GatewayClientAdministration1763700001100 } from './migrations/1763700001100-client-administration';
import { GatewayPartnerFeeds1763700008200 } from './migrations/1763700008200-partner-feeds';

export const gatewayConfigSchema = baseServiceEnv
  .extend({
    /** PEM of the EC P-256 private key that signs access tokens (ES256); its public half is in the JWKS. */
    GATEWAY_JWT_PRIVATE_KEY_FILE: z.string({ message: 'is required (path to a PEM EC private key)' }).min(1),
    /**
     * Optional directory of verification-only keys (`*.pem`, EC P-256 public keys): published in the
     * JWKS beside the signing key and accepted for tokens that name them (kid), so a key rotation
     * does not cut off tokens and exchange pages signed before it (ADR 0082, docs/ops.md).
     */
    GATEWAY_JWT_VERIFICATION_KEYS_DIR: z.string().min(1).optional(),
    /**
     * PEM of the EC P-256 private key that signs the principal passed to the services (ADR 0073).
     * Used for nothing else: not the access-token key, so the two leak and rotate independently.
     */
    GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: z.string({ message: 'is required (path to a PEM EC P-256 private key)' }).min(1),
    /**
     * How long a signed principal is accepted. It is checked when a call arrives, and again when
     * permits passes it on to joint measures during the call, so it must outlast the upstream deadline.
     */
    INTERNAL_IDENTITY_TTL_SECONDS: z.coerce.number().int().min(5).max(300).default(30),
    GATEWAY_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    GATEWAY_ISSUER: z.string().default('transport-credit-gateway'),
    /** Optional JSON file of clients to register at boot (the local stack's demo clients). */
    GATEWAY_CLIENTS_SEED_FILE: z.string().optional(),
    /** Requests per minute per client on /api and /exchange, and per address on /public. */
    GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /**
     * How long the gateway may serve a cached public profile if disclosure's change notification
     * were lost (ADR 0030); changes normally reach the cache within milliseconds of their commit.
     * 0 turns the cache off.
     */
    GATEWAY_PROFILE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    /** Profiles kept in memory per gateway replica (the oldest stored goes first). */
    GATEWAY_PROFILE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    /**
     * This deployment's own province (GB/T 2260, a province-level code): the audience its partners'
     * change-feed pages must carry (`exchange:<province>`, ADR 0080). Henan by default; the second
     * instance of the two-province stack runs as Hubei, 420000.
     */
    PLATFORM_PROVINCE: z
      .string()
      .regex(/^\d{2}0000$/, 'must be a province-level GB/T 2260 code (e.g. 410000)')
      .refine((v) => parseRegionCode(v).ok, { message: 'must be a GB/T 2260 province code' })
      .default('410000'),
    /** Optional JSON file of partner feeds this deployment follows (ADR 0080); none by default. */
    GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE: z.string().optional(),
    /** Optional JSON file of recognition agreements with partner regions (ADR 0067); default: the shipped ones. */
    GATEWAY_EXCHANGE_AGREEMENTS_FILE: z.string().optional(),
    GATEWAY_UPSTREAM_DEADLINE_MS: z.coerce.number().int().min(50).default(5000),
    /** Browser origins allowed to call the API cross-origin (ADR 0074); none by default. */
    GATEWAY_CORS_ORIGINS: corsOriginsSetting,
    COLLECTION_GRPC_URL: grpcAddress,
    EVALUATION_GRPC_URL: grpcAddress,
    DISCLOSURE_GRPC_URL: grpcAddress,
    JOINT_MEASURES_GRPC_URL: grpcAddress,
    PERMITS_GRPC_URL: grpcAddress,
    REPAIR_GRPC_URL: grpcAddress,
  })
  .superRefine((env, ctx) => {
    if (env.INTERNAL_IDENTITY_TTL_SECONDS * 1000 <= env.GATEWAY_UPSTREAM_DEADLINE_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['INTERNAL_IDENTITY_TTL_SECONDS'],
        message: `must outlast GATEWAY_UPSTREAM_DEADLINE_MS (${env.GATEWAY_UPSTREAM_DEADLINE_MS} ms): a principal passed on during a call must still be valid`,
      });
    }
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const gatewayDefinition: ServiceDefinition = {
  name: 'gateway',
  schema: 'gateway',
  entities: [ClientEntity, AuditLogEntity],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    GatewayClientsAndAudit1763700000300,
    GatewayClientAdministration1763700001100,
    GatewayPartnerFeeds1763700008200,
  ],
  protoPackages: [ProtoPackages.gateway],
  streams: [],
};
