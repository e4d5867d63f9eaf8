import { DataSource, EntityManager, EntitySchema, MixedList } from 'typeorm';
import { ensureSchemaAndRole } from './schema-bootstrap';

// TypeORM's own option types, re-stated narrowly so services list what they own.
/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface ServiceDatabaseOptions {
  /** Schema (= role) the service owns, e.g. `collection`. */
  schema: string;
  url: string;
  adminUrl?: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

/** One DataSource per service schema; `synchronize` is off, migrations are the only DDL path. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? options.schema,
      // Belt and braces with the role's own search_path: raw SQL resolves to this schema.
      options: `-c search_path=${options.schema}`,
    },
  });
}

/** Boot sequence: ensure schema and role (if an admin URL is given), connect, migrate. */
export async function openServiceDatabase(options: ServiceDatabaseOptions & { migrate: boolean }): Promise<DataSource> {
  if (options.adminUrl) await ensureSchemaAndRole(options.adminUrl, options.schema);
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  if (options.migrate) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Runs `work` in one transaction: a state change and its outbox event commit together or not at all. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}

/** Postgres error code, for mapping unique violations etc. to domain errors. */
export function pgErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate.driverError?.code ?? candidate.code;
  return typeof code === 'string' ? code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  const candidate = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const name = candidate.driverError?.constraint ?? candidate.constraint;
  return typeof name === 'string' ? name : undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
