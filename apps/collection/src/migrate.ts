// Kubernetes migration Job entry point: create schema and role (with DATABASE_ADMIN_URL), migrate, exit.
import { runMigrationsAndExit } from '@platform/service';
import { collectionConfigSchema, collectionDefinition } from './collection.definition';

void runMigrationsAndExit(collectionDefinition, collectionConfigSchema);
