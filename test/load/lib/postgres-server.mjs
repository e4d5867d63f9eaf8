// The PostgreSQL server the benchmarks create their databases on, and one statement run on it as
// its superuser (CREATE / DROP DATABASE). Loopback by default, like every benchmark here.
import pg from 'pg';

export const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function onServer(sql) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
