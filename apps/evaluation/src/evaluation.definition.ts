import { ProtoPackages } from '@contracts';
import { backendServiceEnv, z } from '@platform/config';
import { IdempotencyKeys1763700000001 } from '@platform/database';
import { MessagingRetention1763700006500, MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { SchemesAndStandings1763700000400 } from './migrations/1763700000400-schemes-and-standings';
import { EvaluationCycles1763700000410 } from './migrations/1763700000410-evaluation-cycles';
import { StandingRefreshes1763700000420 } from './migrations/1763700000420-standing-refreshes';
import { PeriodRankings1763700000430 } from './migrations/1763700000430-period-rankings';
import { SubjectListEntries1763700000440 } from './migrations/1763700000440-subject-list-entries';
import { RankingStaleness1763700001550 } from './migrations/1763700001550-ranking-staleness';
import { SchemeAnnouncements1763700001300 } from './migrations/1763700001300-scheme-announcements';
import { RegistrySubjects1763700001400 } from './migrations/1763700001400-registry-subjects';
import { WithdrawnStandings1763700001700 } from './migrations/1763700001700-withdrawn-standings';
import { RecognitionTableVersions1763700001900 } from './migrations/1763700001900-recognition-table-versions';
import { RegistrySubjectsFirstReceived1763700002100 } from './migrations/1763700002100-registry-subjects-first-received';
import { RegistryFleet1763700002300 } from './migrations/1763700002300-registry-fleet';
import { GradeAppeals1763700002400 } from './migrations/1763700002400-grade-appeals';
import { CloseRefreshes1763700003200 } from './migrations/1763700003200-close-refreshes';
import { PartnerGrades1763700008410 } from './migrations/1763700008410-partner-grades';
import { SubjectListEntryLapses1763700008910 } from './migrations/1763700008910-subject-list-entry-lapses';

export const evaluationConfigSchema = backendServiceEnv.extend({
  /** Subjects per transaction when closing a cycle or regrading after a publication (results + cursor commit together). */
  CYCLE_CHUNK_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** A close claimed by a replica is its own for this long after each chunk; then another may resume it. */
  CYCLE_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  CYCLE_POLL_MS: z.coerce.number().int().min(10).default(500),
  /** How long a rankings request waits for a period ranking it started before answering `running` (the gateway's deadline for it is 15 s). */
  RANKING_WAIT_MS: z.coerce.number().int().min(0).max(12_000).default(8_000),
  /**
   * Days the scheme's owner has to decide a grade appeal (ADR 0054). Placeholder: seed 004 苏州 says
   * only 属地交通运输行业管理部门负责对申诉情况及时调查核实 ("promptly"); no period is given.
   */
  APPEAL_DECISION_DAYS: z.coerce.number().int().min(1).max(365).default(15),
});
export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

/**
 * Evaluation owns versioned scoring schemes, subjects' record facts, standings with their
 * explanations (DOMAIN.md §3). It consumes `credit.records.*`, joint measures' list entries
 * (`measures.list-entries.effective|removed`) and the subject registry's enterprises, drivers and
 * vehicles (`credit.registry.enterprises|drivers|vehicles.changed`), and publishes `evaluation.*`.
 */
export const evaluationDefinition: ServiceDefinition = {
  name: 'evaluation',
  schema: 'evaluation',
  entities: [],
  migrations: [
    MessagingTables1763700000000,
    MessagingRetention1763700006500,
    IdempotencyKeys1763700000001,
    SchemesAndStandings1763700000400,
    EvaluationCycles1763700000410,
    StandingRefreshes1763700000420,
    PeriodRankings1763700000430,
    SubjectListEntries1763700000440,
    RankingStaleness1763700001550,
    SchemeAnnouncements1763700001300,
    RegistrySubjects1763700001400,
    WithdrawnStandings1763700001700,
    RecognitionTableVersions1763700001900,
    RegistrySubjectsFirstReceived1763700002100,
    RegistryFleet1763700002300,
    GradeAppeals1763700002400,
    CloseRefreshes1763700003200,
    PartnerGrades1763700008410,
    SubjectListEntryLapses1763700008910,
  ],
  protoPackages: [ProtoPackages.evaluation],
  streams: ['EVALUATION', 'CREDIT_RECORDS', 'MEASURES'],
};
