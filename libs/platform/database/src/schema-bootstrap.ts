import { Client } from 'pg';

/** Postgres identifiers we create are plain snake_case; anything else is a programming error. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

/**
 * Creates the service's role and schema if absent (ARCHITECTURE.md §5): the role owns only its
 * schema, and its search_path points there so raw SQL in migrations lands in the right place.
 * Idempotent and safe to run from several processes at once: an advisory lock serialises it
 * within a database, and because roles are cluster-wide (two databases can race on the same
 * role), Postgres's "tuple concurrently updated" is retried.
 */
export async function ensureSchemaAndRole(adminUrl: string, schema: string, role = schema): Promise<void> {
  assertIdentifier(schema);
  assertIdentifier(role);
  for (let attempt = 1; ; attempt++) {
    try {
      return await bootstrapOnce(adminUrl, schema, role);
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently (updated|deleted)/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 50));
    }
  }
}

async function bootstrapOnce(adminUrl: string, schema: string, role: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('platform.schema-bootstrap'))`);
    await client.query(`DO $$ BEGIN
        CREATE ROLE "${role}" LOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await client.query(`DO $$ BEGIN
        CREATE SCHEMA IF NOT EXISTS "${schema}" AUTHORIZATION "${role}";
      EXCEPTION WHEN duplicate_schema OR unique_violation THEN NULL; END $$`);
    const { rows } = await client.query(`SELECT 1 FROM pg_db_role_setting WHERE setrole = $1::regrole AND setdatabase = 0 AND $2 = ANY (setconfig)`, [
      role,
      `search_path=${schema}`,
    ]);
    if (rows.length === 0) await client.query(`ALTER ROLE "${role}" SET search_path = "${schema}"`);
    await client.query(`REVOKE ALL ON SCHEMA "${schema}" FROM PUBLIC`);
  } finally {
    await client.end(); // also releases the session's advisory lock
  }
}

/** The service's own URL is the admin URL with the role as user (local stack and tests; trust auth). */
export function roleUrl(adminUrl: string, role: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = '';
  return url.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
