import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { assertIdentifier, createServiceDataSource, ensureSchemaAndRole, roleUrl, withDatabase } from '@platform/database';

export const TEST_SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_ENV = 'TCP_TEST_TEMPLATE_DB';

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
export interface MigratableSchema {
  schema: string;
  entities: (Function | string)[] | object;
  migrations: (Function | string)[] | object;
}
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

function onServer<T>(work: (client: Client) => Promise<T>, serverUrl = TEST_SERVER_URL): Promise<T> {
  return onDatabase(serverUrl, work);
}

/**
 * Jest global set-up: one database migrated with every service's schema, used as a TEMPLATE
 * so each test file gets its own copy in milliseconds (CREATE DATABASE … TEMPLATE) instead of
 * migrating again or sharing one database that forces tests to run one at a time.
 */
export async function createTemplateDatabase(schemas: MigratableSchema[]): Promise<string> {
  const name = assertIdentifier(`tcp_tpl_${process.pid}_${randomBytes(3).toString('hex')}`);
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  await migrateEverySchema(withDatabase(TEST_SERVER_URL, name), schemas);
  process.env[TEMPLATE_ENV] = name;
  return name;
}

/**
 * A database migrated with `schemas` on another PostgreSQL server than the shared one (the fault
 * tier's private cluster, which it restarts: a template on the shared server cannot be cloned
 * there). Slower than a clone; for the few suites that need their own server.
 */
export async function createMigratedDatabase(serverUrl: string, schemas: MigratableSchema[], label = 'test'): Promise<TestDatabase> {
  const name = databaseName(label);
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`), serverUrl);
  await migrateEverySchema(withDatabase(serverUrl, name), schemas);
  return openTestDatabase(serverUrl, name);
}

async function migrateEverySchema(adminUrl: string, schemas: MigratableSchema[]): Promise<void> {
  for (const s of schemas) {
    await ensureSchemaAndRole(adminUrl, s.schema);
    const dataSource = createServiceDataSource({
      schema: s.schema,
      url: roleUrl(adminUrl, s.schema),
      entities: s.entities as never,
      migrations: s.migrations as never,
      poolSize: 1,
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  }
}

export async function dropTemplateDatabase(): Promise<void> {
  const name = process.env[TEMPLATE_ENV];
  if (name) await dropDatabase(name);
}

export interface TestDatabase {
  name: string;
  /** Superuser URL of the clone (schema/role bootstrap, assertions across schemas). */
  adminUrl: string;
  /** URL of a service's own role in the clone. */
  urlFor(schema: string): string;
  /** A DataSource on one schema, as the service itself would open it. */
  dataSource(schema: MigratableSchema): Promise<DataSource>;
  /** Runs SQL as the superuser (for assertions only). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A private copy of the migrated template for one test file. */
export async function cloneTestDatabase(label = 'test'): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run through jest (global set-up creates the template)`);
  const name = databaseName(label);
  await createFromTemplate(name, template);
  return openTestDatabase(TEST_SERVER_URL, name);
}

function databaseName(label: string): string {
  return assertIdentifier(`tcp_${label.replace(/[^a-z0-9]/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`);
}

function openTestDatabase(serverUrl: string, name: string): TestDatabase {
  const adminUrl = withDatabase(serverUrl, name);
  const opened: DataSource[] = [];
  return {
    name,
    adminUrl,
    urlFor: (schema) => roleUrl(adminUrl, schema),
    async dataSource(s) {
      const ds = createServiceDataSource({
        schema: s.schema,
        url: roleUrl(adminUrl, s.schema),
        entities: s.entities as never,
        migrations: s.migrations as never,
        poolSize: 4,
      });
      await ds.initialize();
      opened.push(ds);
      return ds;
    },
    query: (sql, params) => onDatabase(adminUrl, (c) => c.query(sql, params).then((r) => r.rows)),
    async drop() {
      await Promise.all(opened.map((ds) => ds.destroy().catch(() => undefined)));
      await dropDatabase(name, serverUrl);
    },
  };
}

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Concurrent clones of one template can collide ("being accessed by other users"): retry briefly. */
async function createFromTemplate(name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

async function dropDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${assertIdentifier(name)}" WITH (FORCE)`), serverUrl);
}
