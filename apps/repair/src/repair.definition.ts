import { ProtoPackages } from '@contracts';
import { backendServiceEnv, z } from '@platform/config';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import { StoredFiles1763700007100 } from '@platform/files';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { RepairRecordsAndApplications1763700004000 } from './migrations/1763700004000-repair-records-and-applications';
import { RepairRevocations1763700004200 } from './migrations/1763700004200-repair-revocations';
import { RepairListEntries1763700004201 } from './migrations/1763700004201-repair-list-entries';
import { RepairFinePaymentCheck1763700004202 } from './migrations/1763700004202-repair-fine-payment-check';
import { RepairRemindersSent1763700004203 } from './migrations/1763700004203-repair-reminders-sent';
import { RepairCrossProvinceRouting1763700008300 } from './migrations/1763700008300-repair-cross-province-routing';
import { RepairForwardingProgress1763700008301 } from './migrations/1763700008301-repair-forwarding-progress';
import { RepairPartnerListEntriesAndRevocationWatch1763700008700 } from './migrations/1763700008700-repair-partner-list-entries-and-revocation-watch';

export const repairConfigSchema = backendServiceEnv.extend({
  /**
   * Working days the deciding authority has to decide a repair application (counted with the
   * working-day calendar from the day it was filed). Placeholder: DOMAIN.md §5 and the seeds give
   * no period for the decision.
   */
  REPAIR_DECISION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /**
   * Months after a revoked repair (false commitment, issue 19 item 8) during which the subject may
   * not apply for a repair again. Placeholder: DOMAIN.md §5 and the seeds give no period.
   */
  REPAIR_REVOCATION_BAR_MONTHS: z.coerce.number().int().min(0).max(60).default(12),
  /**
   * Days after a partner province's approval of a forwarded application during which the gateway
   * keeps asking the partner whether it revoked the repair (ADR 0088): bounded, not for ever.
   * Placeholder: DOMAIN.md §5 and the seeds give no period within which a repair may be revoked.
   */
  REPAIR_PARTNER_REVOCATION_WATCH_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  /** How often the reminder sweep looks for records whose minimum period ended (`repair.reminders.due`). */
  REPAIR_REMINDER_SWEEP_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
});
export type RepairConfig = z.infer<typeof repairConfigSchema>;

/**
 * Repair owns credit repair (信用修复, DOMAIN.md §5): the rules and checklist (configuration),
 * its copy of the credit records (from `credit.records.*`), applications decided by the record's
 * deciding authority (谁认定、谁修复) and reminders. An approved repair is announced as
 * `repair.records.repaired`, which collection turns into the record's `repaired` version.
 */
export const repairDefinition: ServiceDefinition = {
  name: 'repair',
  schema: 'repair',
  entities: [],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    IdempotencyKeys1763700000001,
    RepairRecordsAndApplications1763700004000,
    RepairRevocations1763700004200,
    RepairListEntries1763700004201,
    RepairFinePaymentCheck1763700004202,
    RepairRemindersSent1763700004203,
    StoredFiles1763700007100,
    RepairCrossProvinceRouting1763700008300,
    RepairForwardingProgress1763700008301,
    RepairPartnerListEntriesAndRevocationWatch1763700008700,
  ],
  protoPackages: [ProtoPackages.repair],
  streams: ['REPAIR', 'CREDIT_RECORDS', 'MEASURES'],
};
