import { ProtoPackages } from '@contracts';
import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { PublicReadModel1763700000200 } from './migrations/1763700000200-public-read-model';
import { Withdrawals1763700000210 } from './migrations/1763700000210-withdrawals';
import { RecordVersions1763700000220 } from './migrations/1763700000220-record-versions';
import { PublicRecordEntity } from './profiles/infrastructure/public-record.entity';
import { PublicSubjectEntity } from './profiles/infrastructure/public-subject.entity';

export const disclosureConfigSchema = baseServiceEnv;

export const disclosureDefinition: ServiceDefinition = {
  name: 'disclosure',
  schema: 'disclosure',
  entities: [PublicSubjectEntity, PublicRecordEntity],
  migrations: [MessagingTables1763700000000, PublicReadModel1763700000200, Withdrawals1763700000210, RecordVersions1763700000220],
  protoPackages: [ProtoPackages.disclosure],
  streams: ['CREDIT_RECORDS'],
};
