import { Client } from 'pg';
import { ensureSchemaAndRole, roleUrl } from '@platform/database';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';

describe('ensureSchemaAndRole (PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await cloneTestDatabase('bootstrap');
  });
  afterAll(() => db.drop());

  it('is idempotent and safe when several processes run it at once', async () => {
    await Promise.all([1, 2, 3, 4].map(() => ensureSchemaAndRole(db.adminUrl, 'bootstrap_probe')));
    await ensureSchemaAndRole(db.adminUrl, 'bootstrap_probe');
    const rows = await db.query(`SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'bootstrap_probe'`);
    expect(rows).toEqual([{ nspname: 'bootstrap_probe', owner: 'bootstrap_probe' }]);
  });

  it("gives the role its own schema as search_path and no access to another service's schema", async () => {
    const client = new Client({ connectionString: roleUrl(db.adminUrl, 'bootstrap_probe') });
    await client.connect();
    try {
      expect((await client.query('SHOW search_path')).rows[0].search_path).toBe('bootstrap_probe');
      await client.query('CREATE TABLE t (id int)');
      expect((await client.query(`SELECT to_regclass('bootstrap_probe.t') IS NOT NULL AS made`)).rows[0].made).toBe(true);
      await expect(client.query('SELECT * FROM collection.credit_records')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('refuses an identifier that is not plain snake_case', async () => {
    await expect(ensureSchemaAndRole(db.adminUrl, 'x"; DROP SCHEMA collection; --')).rejects.toThrow(/safe SQL identifier/);
  });
});
