import { ProtoPackages } from '@contracts';
import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { CatalogueVersionEntity } from './catalogue/infrastructure/catalogue-version.entity';
import { CatalogueAndHistory1763700000110 } from './migrations/1763700000110-catalogue-and-history';
import { CreditRecordEntity } from './records/infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from './records/infrastructure/credit-record-version.entity';
import { CreditRecords1763700000100 } from './migrations/1763700000100-credit-records';

export const collectionConfigSchema = baseServiceEnv;

export const collectionDefinition: ServiceDefinition = {
  name: 'collection',
  schema: 'collection',
  entities: [CreditRecordEntity, CreditRecordVersionEntity, CatalogueVersionEntity],
  migrations: [MessagingTables1763700000000, CreditRecords1763700000100, CatalogueAndHistory1763700000110],
  protoPackages: [ProtoPackages.collection],
  streams: ['CREDIT_RECORDS'],
};
