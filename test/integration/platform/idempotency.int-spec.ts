import { DataSource } from 'typeorm';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { IdempotencyErrorCode, IdempotencyKeys1763700000001, runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';

// API.md conventions: a retried Idempotency-Key returns the first answer; the same key for a
// different request is refused with 422 REQUEST.IDEMPOTENCY_KEY_REUSED; keys are per client.
describe('runIdempotent (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let writes: number;

  beforeAll(async () => {
    db = await cloneTestDatabase('idempotency');
    dataSource = new DataSource({ type: 'postgres', url: db.adminUrl });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA idem; SET search_path TO idem`);
    const runner = dataSource.createQueryRunner();
    await runner.query(`SET search_path TO idem`);
    await new IdempotencyKeys1763700000001().up(runner);
    await runner.release();
    await dataSource.query(`CREATE TABLE idem.things (id serial PRIMARY KEY, name text NOT NULL)`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    writes = 0;
  });

  /** A write that inserts a row and answers its id, counted so a replay can be told from a second write. */
  function create(clientId: string, key: string | undefined, request: { name: string }, operation = 'things.create') {
    return dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path TO idem`);
      return runIdempotent(manager, { clientId, key, operation, request }, async () => {
        writes++;
        const [row]: { id: number }[] = await manager.query(`INSERT INTO things (name) VALUES ($1) RETURNING id`, [request.name]);
        return { id: row!.id, name: request.name };
      });
    });
  }

  it('replays the first answer to a retry with the same key and body, writing once', async () => {
    const first = await create('client-a', 'key-1', { name: 'x' });
    const retry = await create('client-a', ' key-1 ', { name: 'x' });
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ answer: first.answer, replayed: true });
    expect(writes).toBe(1);
  });

  it('refuses the same key with another body or another operation (422), writing nothing', async () => {
    await create('client-a', 'key-2', { name: 'x' });
    for (const attempt of [() => create('client-a', 'key-2', { name: 'y' }), () => create('client-a', 'key-2', { name: 'x' }, 'things.rename')]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: IdempotencyErrorCode.KeyReused, kind: 'precondition' });
      expect((error as DomainError).violations[0]).toMatchObject({ field: 'Idempotency-Key' });
    }
    expect(writes).toBe(1);
  });

  it('scopes keys per client and ignores absent or blank keys', async () => {
    const a = await create('client-a', 'key-3', { name: 'x' });
    const b = await create('client-b', 'key-3', { name: 'x' });
    expect(b.replayed).toBe(false);
    expect(b.answer.id).not.toBe(a.answer.id);
    await create('client-a', undefined, { name: 'x' });
    await create('client-a', '  ', { name: 'x' });
    expect(writes).toBe(4);
  });

  it('serialises concurrent first attempts of one key: one write, the others replay it', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => create('client-c', 'key-4', { name: 'z' })));
    expect(writes).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.answer.id)).size).toBe(1);
  });

  it('stores nothing for a write that failed, so its retry runs again', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL search_path TO idem`);
      return runIdempotent(manager, { clientId: 'client-d', key: 'key-5', operation: 'things.create', request: { name: 'w' } }, async () => {
        throw new Error('refused downstream');
      });
    });
    await expect(failing).rejects.toThrow('refused downstream');
    const retry = await create('client-d', 'key-5', { name: 'w' });
    expect(retry.replayed).toBe(false);
    expect(writes).toBe(1);
  });
});
