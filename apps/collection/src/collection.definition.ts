import { ProtoPackages } from '@contracts';
import { backendServiceEnv, configSchemas, z } from '@platform/config';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import type { ServiceDefinition } from '@platform/service';
import { CatalogueVersionEntity } from './catalogue/infrastructure/catalogue-version.entity';
import { CatalogueAndHistory1763700000110 } from './migrations/1763700000110-catalogue-and-history';
import { Batches1763700000120 } from './migrations/1763700000120-batches';
import { ObjectionsQualityClaims1763700000130 } from './migrations/1763700000130-objections-quality-claims';
import { ObjectionEntity } from './objections/infrastructure/objection.entity';
import { ViolationClaimEntity } from './violation-claims/infrastructure/violation-claim.entity';
import { CreditRecordEntity } from './records/infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from './records/infrastructure/credit-record-version.entity';
import { CreditRecords1763700000100 } from './migrations/1763700000100-credit-records';
import { Schedules1763700000200 } from './migrations/1763700000200-schedules';
import { IdempotencyRequestHashes1763700000300 } from './migrations/1763700000300-idempotency-request-hashes';
import { CommitmentFindings1763700001500 } from './migrations/1763700001500-commitment-findings';
import { LicenceReminderFeed1763700001501 } from './migrations/1763700001501-licence-reminder-feed';
import { PartnerRecordProvenance1763700008000 } from './migrations/1763700008000-partner-record-provenance';
import { PartnerFeedRecords1763700008500 } from './migrations/1763700008500-partner-feed-records';
import { CommitmentFindingEntity } from './commitments/infrastructure/commitment-finding.entity';
import { DEFAULT_FULFILMENT_PERIOD_RULES, fulfilmentPeriodRuleSchema } from './commitments/domain/fulfilment-period';
import { DEFAULT_EXPIRY_WARNING_RULES, expiryWarningRuleSchema } from './licences/domain/expiry-warning';
import { SubjectRegistry1763700001200 } from './migrations/1763700001200-subject-registry';
import { RegistryDriverEntity, RegistryEnterpriseEntity, RegistryVehicleEntity, RegistryVesselEntity } from './registry/infrastructure/registry.entities';

/** A JSON array of local rules in an environment variable, each checked by `rule`. */
function jsonRules<T extends z.ZodType>(rule: T, defaults: readonly z.infer<T>[]) {
  return z
    .string()
    .optional()
    .transform((text, ctx): z.infer<T>[] => {
      if (text === undefined || text.trim() === '') return [...defaults];
      try {
        const parsed = z.array(rule).safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
      }
      return z.NEVER;
    });
}

export const collectionConfigSchema = backendServiceEnv.extend({
  /** Lines per transaction when processing a batch (records + events + cursor commit together). */
  BATCH_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** A batch claimed by a replica is its own for this long after each chunk; then another may resume it. */
  BATCH_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  BATCH_POLL_MS: z.coerce.number().int().min(10).default(250),
  /**
   * Working days the providing unit has to answer an objection. Neither DOMAIN.md nor the seeds
   * give a figure (seed 001 only says 及时更正或撤销): set it per province; 10 is a placeholder.
   */
  OBJECTION_RESOLUTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** Periodic jobs (commitments, licences, publicity): on unless a replica is meant to serve only. */
  SCHEDULE_ENABLED: configSchemas.booleanString.default(true),
  SCHEDULE_POLL_MS: z.coerce.number().int().min(100).default(60_000),
  /** A replica that dies mid-pass blocks a job for at most this long. */
  SCHEDULE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** Records per transaction in a periodic job. */
  SCHEDULE_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** LOCAL fulfilment periods of commitments (JSON array; default: commitments/domain/fulfilment-period.ts). */
  COMMITMENT_FULFILMENT_RULES: jsonRules(fulfilmentPeriodRuleSchema, DEFAULT_FULFILMENT_PERIOD_RULES),
  /**
   * Severity of a commitment-broken record confirmed from an automatic finding when the confirming
   * unit names none. LOCAL policy: the deciding unit grades a broken commitment; a place sets the default.
   */
  AUTO_BROKEN_COMMITMENT_SEVERITY: z.enum(['minor', 'general', 'severe']).default('general'),
  /** LOCAL licence expiry warning windows (JSON array; default: licences/domain/expiry-warning.ts). */
  LICENCE_WARNING_RULES: jsonRules(expiryWarningRuleSchema, DEFAULT_EXPIRY_WARNING_RULES),
  /** Batches one replica processes side by side (each worker its own batch; docs/perf.md). */
  BATCH_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
});
export type CollectionConfig = z.infer<typeof collectionConfigSchema>;

export const collectionDefinition: ServiceDefinition = {
  name: 'collection',
  schema: 'collection',
  entities: [
    CreditRecordEntity,
    CreditRecordVersionEntity,
    CatalogueVersionEntity,
    ObjectionEntity,
    ViolationClaimEntity,
    RegistryEnterpriseEntity,
    RegistryVehicleEntity,
    RegistryDriverEntity,
    RegistryVesselEntity,
    CommitmentFindingEntity,
  ],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    CreditRecords1763700000100,
    CatalogueAndHistory1763700000110,
    Batches1763700000120,
    ObjectionsQualityClaims1763700000130,
    Schedules1763700000200,
    IdempotencyRequestHashes1763700000300,
    SubjectRegistry1763700001200,
    // Registry PUTs keep their first answers there (runIdempotent); the shared platform table.
    IdempotencyKeys1763700000001,
    CommitmentFindings1763700001500,
    LicenceReminderFeed1763700001501,
    PartnerRecordProvenance1763700008000,
    PartnerFeedRecords1763700008500,
  ],
  protoPackages: [ProtoPackages.collection],
  streams: ['CREDIT_RECORDS', 'MONITORING', 'REPAIR', 'PERMITS'],
};
