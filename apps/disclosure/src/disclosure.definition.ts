import { ProtoPackages } from '@contracts';
import { backendServiceEnv, publicBaseUrlIssue, z } from '@platform/config';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { PublicReadModel1763700000200 } from './migrations/1763700000200-public-read-model';
import { Withdrawals1763700000210 } from './migrations/1763700000210-withdrawals';
import { RecordVersions1763700000220 } from './migrations/1763700000220-record-versions';
import { PublicationLog1763700000230 } from './migrations/1763700000230-publication-log';
import { CreditReports1763700000240 } from './migrations/1763700000240-credit-reports';
import { PublicGrades1763700000250 } from './migrations/1763700000250-public-grades';
import { PublicListEntries1763700000260 } from './migrations/1763700000260-public-list-entries';
import { GradeSchemeNames1763700000270 } from './migrations/1763700000270-grade-scheme-names';
import { GradeWithdrawals1763700001720 } from './migrations/1763700001720-grade-withdrawals';
import { PublicGradeTiers1763700002000 } from './migrations/1763700002000-public-grade-tiers';
import { PublicRecordStatus1763700005000 } from './migrations/1763700005000-public-record-status';
import { ListEntryProvenance1763700005010 } from './migrations/1763700005010-list-entry-provenance';
import { PublicRepairNotices1763700007600 } from './migrations/1763700007600-public-repair-notices';
import { PublicRecordOrigin1763700008100 } from './migrations/1763700008100-public-record-origin';
import { PublicGradeChanges1763700008400 } from './migrations/1763700008400-public-grade-changes';
import { RepairNoticeRecordVersions1763700008900 } from './migrations/1763700008900-repair-notice-record-versions';
import { PublicRecordEntity } from './profiles/infrastructure/public-record.entity';
import { PublicSubjectEntity } from './profiles/infrastructure/public-subject.entity';

export const disclosureConfigSchema = backendServiceEnv
  .extend({
    /**
     * How often items past their maximum publicity period are withdrawn and logged. They leave the
     * public profile at that instant regardless (queries filter on it); the sweep records it.
     */
    EXPIRY_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** Where the public reaches the platform: the QR code on a credit report points here. */
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:8080'),
    /** A font with Chinese glyphs embedded in credit reports (Debian: fonts-noto-cjk). */
    REPORT_FONT_FILE: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    /** The face inside a font collection (.ttc); empty for a single-font file. */
    REPORT_FONT_FAMILY: z.string().default('NotoSansCJKsc-Regular'),
  })
  .superRefine((env, ctx) => {
    const issue = publicBaseUrlIssue(env.NODE_ENV, env.PUBLIC_BASE_URL);
    if (issue) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: issue });
  });
export type DisclosureConfig = z.infer<typeof disclosureConfigSchema>;

export const disclosureDefinition: ServiceDefinition = {
  name: 'disclosure',
  schema: 'disclosure',
  entities: [PublicSubjectEntity, PublicRecordEntity],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    PublicReadModel1763700000200,
    Withdrawals1763700000210,
    RecordVersions1763700000220,
    PublicationLog1763700000230,
    CreditReports1763700000240,
    PublicGrades1763700000250,
    PublicListEntries1763700000260,
    GradeSchemeNames1763700000270,
    GradeWithdrawals1763700001720,
    PublicGradeTiers1763700002000,
    PublicRecordStatus1763700005000,
    ListEntryProvenance1763700005010,
    PublicRepairNotices1763700007600,
    PublicRecordOrigin1763700008100,
    PublicGradeChanges1763700008400,
    RepairNoticeRecordVersions1763700008900,
  ],
  protoPackages: [ProtoPackages.disclosure],
  streams: ['CREDIT_RECORDS', 'EVALUATION', 'MEASURES', 'REPAIR'],
};
