import type { EntityManager } from 'typeorm';
import type { RecordStatus } from '../../records/domain/credit-record';
import { ObjectionEntity } from '../infrastructure/objection.entity';

/**
 * A record under objection was repaired: its open objection remembers that, so rejecting the
 * objection later returns the record to `repaired`, not to the status it had before. In the
 * caller's transaction (the record is locked by the caller).
 */
export async function rememberRepairOnOpenObjection(manager: EntityManager, recordId: string): Promise<void> {
  await manager.update(ObjectionEntity, { recordId, status: 'open' }, { recordStatusBefore: 'repaired' });
}

/**
 * A repair of a record under objection was revoked: its open objection (if any) remembers the
 * in-force status to return to instead of `repaired`. True when an objection is open.
 */
export async function forgetRepairOnOpenObjection(manager: EntityManager, recordId: string, statusBefore: RecordStatus): Promise<boolean> {
  const { affected } = await manager.update(ObjectionEntity, { recordId, status: 'open' }, { recordStatusBefore: statusBefore });
  return (affected ?? 0) > 0;
}
