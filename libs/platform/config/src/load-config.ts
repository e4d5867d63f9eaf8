import { z } from 'zod';

/**
 * Configuration is read from the environment exactly once, at boot, into one typed object.
 * A missing or malformed variable stops the process with a message that names it.
 */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

const booleanString = z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1');

const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);

const postgresUrl = z.string({ message: 'is required' }).refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');

const natsUrl = z.string({ message: 'is required' }).refine((v) => /^(nats|tls):\/\//.test(v), 'must be a nats:// URL');

/** Variables every service reads; services extend this with their own. */
export const baseServiceEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_PORT: port,
  GRPC_PORT: port,
  GRPC_HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  /** Optional: when set, the service creates its schema and role before migrating (local stack, tests). */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  DB_MIGRATE_ON_BOOT: booleanString.default(true),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NATS_URL: natsUrl,
  /** Isolates subjects and stream names (tests and side-by-side stacks); empty in production. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, 'only lower-case letters, digits and _')
    .default(''),
  /** JetStream stream replicas (3 on the 3-node cluster, so losing one node keeps streams online). */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(250),
  /** A relay wake-up waits this long so events committed meanwhile share its batch (docs/perf.md). */
  OUTBOX_COALESCE_MS: z.coerce.number().int().min(0).max(1000).default(10),
  /** An idle consumer waits this long after a message arrives so that others join its batch (docs/perf.md). */
  INBOX_COALESCE_MS: z.coerce.number().int().min(0).max(1000).default(20),
  /**
   * Published outbox rows and processed inbox rows are deleted this long after (ADR 0072). Must
   * exceed the JetStream duplicate window and every consumer's longest redelivery (checked at
   * boot by the service runtime); 7 days also covers a re-publish after a long outage.
   */
  MESSAGING_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24 * 3600 * 1000),
  /** How often the pruner runs, and how many rows one delete statement removes at most. */
  MESSAGING_PRUNE_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  MESSAGING_PRUNE_BATCH: z.coerce.number().int().min(1).max(100_000).default(5_000),
});
export type BaseServiceConfig = z.infer<typeof baseServiceEnv>;

/**
 * Variables of every service behind the gateway. Each verifies the principal a call carries with
 * the gateway's internal identity public key (ADR 0073); without it a service cannot tell a
 * principal the gateway signed from one a pod made up, so it does not start.
 */
export const backendServiceEnv = baseServiceEnv.extend({
  INTERNAL_IDENTITY_PUBLIC_KEY_FILE: z.string({ message: "is required (path to the gateway's internal identity public key, PEM)" }).min(1),
});
export type BackendServiceConfig = z.infer<typeof backendServiceEnv>;

export const configSchemas = { booleanString, port, postgresUrl, natsUrl };

/** `COLLECTION_GRPC_URL=collection:50052` style addresses of peer services. */
export const grpcAddress = z.string({ message: 'is required' }).regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * PUBLIC_BASE_URL, where the public reaches the platform (the QR codes on credit reports and
 * permits open it). Loopback is right for a local stack and wrong in production, where a printed
 * report or permit must verify from any phone (issue 21): services refuse it at boot there.
 */
export function publicBaseUrlIssue(nodeEnv: string, publicBaseUrl: string): string | undefined {
  if (nodeEnv !== 'production' || !LOOPBACK_HOSTS.has(new URL(publicBaseUrl).hostname)) return undefined;
  return 'must be the address the public reaches, not a loopback address, in production';
}
