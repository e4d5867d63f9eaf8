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

function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return onDatabase(TEST_SERVER_URL, work);
}

/**
 * Jest global set-up: one database migrated with every service's schema, used as a TEMPLATE
 * so each test file gets its own copy in milliseconds (CREATE DATABASE … TEMPLATE) instead of
 * migrating again or sharing one database that forces tests to run one at a time.
 */
export async function createTemplateDatabase(schemas: MigratableSchema[]): Promise<string> {
  const name = assertIdentifier(`tcp_tpl_${process.pid}_${randomBytes(3).toString('hex')}`);
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  const adminUrl = withDatabase(TEST_SERVER_URL, name);
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
  process.env[TEMPLATE_ENV] = name;
  return name;
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
  const name = assertIdentifier(`tcp_${label.replace(/[^a-z0-9]/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`);
  await createFromTemplate(name, template);
  const adminUrl = withDatabase(TEST_SERVER_URL, name);
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
      await dropDatabase(name);
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

async function dropDatabase(name: string): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${assertIdentifier(name)}" WITH (FORCE)`));
}
