import { ProtoPackages } from '@contracts';
import { baseServiceEnv, z } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { CatalogueVersionEntity } from './catalogue/infrastructure/catalogue-version.entity';
import { CatalogueAndHistory1763700000110 } from './migrations/1763700000110-catalogue-and-history';
import { Batches1763700000120 } from './migrations/1763700000120-batches';
import { CreditRecordEntity } from './records/infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from './records/infrastructure/credit-record-version.entity';
import { CreditRecords1763700000100 } from './migrations/1763700000100-credit-records';

export const collectionConfigSchema = baseServiceEnv.extend({
  /** Lines per transaction when processing a batch (records + events + cursor commit together). */
  BATCH_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** A batch claimed by a replica is its own for this long after each chunk; then another may resume it. */
  BATCH_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  BATCH_POLL_MS: z.coerce.number().int().min(10).default(250),
  /** Batches one replica processes side by side (each worker its own batch; docs/perf.md). */
  BATCH_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
});
export type CollectionConfig = z.infer<typeof collectionConfigSchema>;

export const collectionDefinition: ServiceDefinition = {
  name: 'collection',
  schema: 'collection',
  entities: [CreditRecordEntity, CreditRecordVersionEntity, CatalogueVersionEntity],
  migrations: [MessagingTables1763700000000, CreditRecords1763700000100, CatalogueAndHistory1763700000110, Batches1763700000120],
  protoPackages: [ProtoPackages.collection],
  streams: ['CREDIT_RECORDS'],
};
