import { DataSource } from 'typeorm';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { runUpdate } from '@platform/database';

describe('runUpdate (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await cloneTestDatabase('update-query');
    dataSource = new DataSource({ type: 'postgres', url: db.adminUrl });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE t (id int PRIMARY KEY, v text)`);
    await dataSource.query(`INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers the returned rows and the count, for UPDATE and DELETE', async () => {
    expect(await runUpdate(dataSource, `UPDATE t SET v = 'x' WHERE id <= $1 RETURNING id`, [2])).toEqual({ rows: [{ id: 1 }, { id: 2 }], affected: 2 });
    expect(await runUpdate(dataSource, `UPDATE t SET v = 'y' WHERE id = 3`)).toEqual({ rows: [], affected: 1 });
    expect(await runUpdate(dataSource, `UPDATE t SET v = 'z' WHERE id = 99 RETURNING id`)).toEqual({ rows: [], affected: 0 });
    expect(await runUpdate(dataSource, `DELETE FROM t WHERE id = 1 RETURNING v`)).toEqual({ rows: [{ v: 'x' }], affected: 1 });
  });
});
