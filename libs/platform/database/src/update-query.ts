/** Anything that runs raw SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Runs an UPDATE or DELETE (with or without RETURNING). TypeORM's postgres driver answers these
 * with `[rows, affectedCount]` — unlike SELECT and INSERT, which answer the rows — so every caller
 * destructuring by hand is one misremembered shape away from a silent bug; use this instead.
 */
export async function runUpdate<Row = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  parameters: unknown[] = [],
): Promise<{ rows: Row[]; affected: number }> {
  const [rows, affected] = (await db.query(sql, parameters)) as [Row[], number];
  return { rows, affected };
}
