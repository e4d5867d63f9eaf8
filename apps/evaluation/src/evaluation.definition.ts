import { ProtoPackages } from '@contracts';
import { baseServiceEnv } from '@platform/config';
import { MessagingTables1763700000000 } from '@platform/messaging';
import type { ServiceDefinition } from '@platform/service';
import { SchemesAndStandings1763700000400 } from './migrations/1763700000400-schemes-and-standings';

export const evaluationConfigSchema = baseServiceEnv;

/**
 * Evaluation owns versioned scoring schemes, subjects' record facts, standings with their
 * explanations (DOMAIN.md §3). It consumes `credit.records.*` and publishes `evaluation.*`.
 */
export const evaluationDefinition: ServiceDefinition = {
  name: 'evaluation',
  schema: 'evaluation',
  entities: [],
  migrations: [MessagingTables1763700000000, SchemesAndStandings1763700000400],
  protoPackages: [ProtoPackages.evaluation],
  streams: ['EVALUATION', 'CREDIT_RECORDS'],
};
