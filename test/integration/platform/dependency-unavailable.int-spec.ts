import { createServer, Server, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { isDependencyUnavailable } from '@platform/errors';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';

/**
 * The errors node-postgres and TypeORM really raise when PostgreSQL cannot be reached are the
 * ones isDependencyUnavailable recognises (a service answers them 503/UNAVAILABLE, not 500), and
 * a query's own failures are not. The shared server is never stopped: a session ended by
 * pg_terminate_backend is what a restart does to every open session (57P01), and the other cases
 * are made with ports of this test's own.
 */
describe('isDependencyUnavailable against real driver errors', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await cloneTestDatabase('unavailable');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const failureOf = async (work: () => Promise<unknown>): Promise<unknown> =>
    work().then(
      () => new Error('did not fail'),
      (error: unknown) => error,
    );

  it('a session ended by the server (57P01, as in a restart or a fast shutdown) is unavailable', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: db.adminUrl, poolSize: 1 }).initialize();
    try {
      const error = await failureOf(() => dataSource.query('SELECT pg_terminate_backend(pg_backend_pid())'));
      expect({ code: (error as { code?: string }).code, unavailable: isDependencyUnavailable(error) }).toEqual({ code: '57P01', unavailable: true });
    } finally {
      await dataSource.destroy();
    }
  });

  it('nothing listening on the port (ECONNREFUSED) is unavailable', async () => {
    const port = await closedPort();
    const error = await failureOf(() => new DataSource({ type: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/postgres` }).initialize());
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('a server that accepts but never answers, past the pool connect timeout, is unavailable', async () => {
    const { server, port, sockets } = await silentServer();
    try {
      const error = await failureOf(() =>
        new DataSource({ type: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/postgres`, extra: { connectionTimeoutMillis: 200 } }).initialize(),
      );
      expect(isDependencyUnavailable(error)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  it("a query's own failures (a unique violation, a syntax error) are not", async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: db.adminUrl, poolSize: 1 }).initialize();
    try {
      await dataSource.query('CREATE TABLE t (id int PRIMARY KEY)');
      await dataSource.query('INSERT INTO t VALUES (1)');
      const duplicate = await failureOf(() => dataSource.query('INSERT INTO t VALUES (1)'));
      const syntax = await failureOf(() => dataSource.query('SELEC 1'));
      expect([duplicate, syntax].map((e) => ({ code: (e as { code?: string }).code, unavailable: isDependencyUnavailable(e) }))).toEqual([
        { code: '23505', unavailable: false },
        { code: '42601', unavailable: false },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});

/** A port that was free a moment ago (listened on, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A TCP server that accepts connections and never says a word (a database host hung mid-failover). */
function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, sockets })));
}
