import { ProtoPackages } from '@contracts';
import { backendServiceEnv, z } from '@platform/config';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { DEFAULT_LIST_POLICIES, listPolicySchema } from './lists/domain/list-policy';
import { ListsAndEntryRules1763700000500 } from './migrations/1763700000500-lists-and-entry-rules';
import { Decisions1763700000510 } from './migrations/1763700000510-decisions';
import { InspectionDraws1763700000520 } from './migrations/1763700000520-inspection-draws';
import { FactsChangedNotifications1763700000530 } from './migrations/1763700000530-facts-changed-notifications';
import { ListWriteKeys1763700000540 } from './migrations/1763700000540-list-write-keys';
import { CarrierFleets1763700000550 } from './migrations/1763700000550-carrier-fleets';
import { KnownSchemes1763700001350 } from './migrations/1763700001350-known-schemes';
import { ConfigurationVersions1763700001360 } from './migrations/1763700001360-configuration-versions';
import { RegistryVehicles1763700001450 } from './migrations/1763700001450-registry-vehicles';
import { GradeWithdrawals1763700001740 } from './migrations/1763700001740-grade-withdrawals';
import { EntryRuleShippedHash1763700001780 } from './migrations/1763700001780-entry-rule-shipped-hash';
import { RegistryVessels1763700002200 } from './migrations/1763700002200-registry-vessels';
import { RegistrySubjects1763700002500 } from './migrations/1763700002500-registry-subjects';
import { PartnerEntryRecognition1763700006000 } from './migrations/1763700006000-partner-entry-recognition';
import { ListEntryChanges1763700006010 } from './migrations/1763700006010-list-entry-changes';
import { PartnerEntryVersions1763700008600 } from './migrations/1763700008600-partner-entry-versions';
import { RecognisedPartnerGrades1763700009000 } from './migrations/1763700009000-recognised-partner-grades';

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

export const jointMeasuresConfigSchema = backendServiceEnv.extend({
  /** LOCAL notice periods and default durations per list (JSON array; default: lists/domain/list-policy.ts). */
  LIST_POLICIES: jsonRules(listPolicySchema, DEFAULT_LIST_POLICIES),
  /** How often entries past their last day are removed and announced. */
  LIST_EXPIRY_SWEEP_MS: z.coerce.number().int().min(100).max(86_400_000).default(3_600_000),
  /**
   * Decision read cache (ADR 0025): a backstop lifetime per cached subject; invalidation on change
   * is what keeps it correct. 0 turns the cache off (every decision reads the database).
   */
  DECISION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  DECISION_CACHE_MAX_SUBJECTS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
});
export type JointMeasuresConfig = z.infer<typeof jointMeasuresConfigSchema>;

/** Joint measures owns credit lists, the measure catalogue, decisions and inspection draws (DOMAIN.md §4). */
export const jointMeasuresDefinition: ServiceDefinition = {
  name: 'joint-measures',
  schema: 'joint_measures',
  entities: [],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    ListsAndEntryRules1763700000500,
    Decisions1763700000510,
    InspectionDraws1763700000520,
    FactsChangedNotifications1763700000530,
    ListWriteKeys1763700000540,
    CarrierFleets1763700000550,
    IdempotencyKeys1763700000001,
    KnownSchemes1763700001350,
    ConfigurationVersions1763700001360,
    RegistryVehicles1763700001450,
    GradeWithdrawals1763700001740,
    EntryRuleShippedHash1763700001780,
    RegistryVessels1763700002200,
    RegistrySubjects1763700002500,
    PartnerEntryRecognition1763700006000,
    ListEntryChanges1763700006010,
    PartnerEntryVersions1763700008600,
    RecognisedPartnerGrades1763700009000,
  ],
  protoPackages: [ProtoPackages.measures],
  streams: ['MEASURES', 'CREDIT_RECORDS', 'EVALUATION', 'REPAIR'],
};
