import { EntityManager } from 'typeorm';

/**
 * Every writer of licence expiry notices takes this lock (transaction-level) before inserting,
 * so notices get their feed positions (`seq`) in the order their transactions commit: a
 * transaction that takes a position waits until the one before it has committed. A poller that
 * read up to a position therefore never finds a notice committed later below it (ADR 0045).
 * The lock is held for one chunk of the announcing job; only that job writes notices.
 */
export async function lockReminderFeed(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('collection.licence-reminder-feed'))`);
}
