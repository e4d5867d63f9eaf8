import { ZodType } from 'zod';
import { openServiceDatabase } from '@platform/database';
import type { BaseServiceConfig } from '@platform/config';
import { loadConfigOrExit } from './run-service';
import type { ServiceDefinition } from './service-definition';

/** Entry point of a service's migration Job: ensure schema and role, migrate, exit 0 or 1. */
export async function runMigrationsAndExit(definition: ServiceDefinition, schema: ZodType<BaseServiceConfig>): Promise<never> {
  const config = loadConfigOrExit(schema, definition.name);
  try {
    const dataSource = await openServiceDatabase({
      schema: definition.schema,
      url: config.DATABASE_URL,
      adminUrl: config.DATABASE_ADMIN_URL,
      entities: definition.entities,
      migrations: definition.migrations,
      migrate: true,
    });
    await dataSource.destroy();
    process.stdout.write(`[${definition.name}] migrations applied\n`);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`[${definition.name}] migration failed: ${(error as Error).stack}\n`);
    process.exit(1);
  }
}
