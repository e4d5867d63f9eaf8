import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** What is waiting for one transaction's commit, by purpose: the items gathered and what to do with them. */
type Pending = Map<string, { items: Set<string>; effect: AfterCommitEffect }>;

/** Runs once the transaction committed, on its own connection (which is still checked out). */
export type AfterCommitEffect = (items: ReadonlySet<string>, runner: QueryRunner | undefined) => void | Promise<void>;

/** queryRunner.data key of the pending effects. */
const PENDING = 'platform.afterCommit';

/**
 * Gathers `items` for `effect`, which runs once the manager's transaction has committed — with
 * every item the transaction gathered under the same `purpose` — and never if it rolls back. A
 * savepoint ending (a nested `manager.transaction`) is not the commit. Without a transaction the
 * write is already committed: the effect runs at once. For things other processes must only
 * learn of after the commit (a relay's wake-up, a cache invalidation), never before.
 */
export async function afterCommit(manager: EntityManager, purpose: string, items: readonly string[], effect: AfterCommitEffect): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    await effect(new Set(items), runner);
    return;
  }
  subscribe(manager.connection);
  const data = runner.data as Record<string, unknown>;
  const pending = (data[PENDING] ??= new Map()) as Pending;
  const entry = pending.get(purpose) ?? { items: new Set<string>(), effect };
  for (const item of items) entry.items.add(item);
  pending.set(purpose, entry);
}

const runEffects: EntitySubscriberInterface = {
  async afterTransactionCommit({ queryRunner }) {
    for (const { items, effect } of take(queryRunner)?.values() ?? []) await effect(items, queryRunner);
  },
  afterTransactionRollback({ queryRunner }) {
    take(queryRunner);
  },
};

function subscribe(dataSource: DataSource): void {
  if (!dataSource.subscribers.includes(runEffects)) dataSource.subscribers.push(runEffects);
}

function take(runner: QueryRunner): Pending | undefined {
  if (runner.isTransactionActive) return undefined; // a savepoint ended; the transaction goes on
  const data = runner.data as Record<string, unknown>;
  const pending = data[PENDING] as Pending | undefined;
  delete data[PENDING];
  return pending;
}
