import type { EntityManager } from 'typeorm';
import { ObjectionEntity } from '../infrastructure/objection.entity';

/**
 * A record under objection was repaired: its open objection remembers that, so rejecting the
 * objection later returns the record to `repaired`, not to the status it had before. In the
 * caller's transaction (the record is locked by the caller).
 */
export async function rememberRepairOnOpenObjection(manager: EntityManager, recordId: string): Promise<void> {
  await manager.update(ObjectionEntity, { recordId, status: 'open' }, { recordStatusBefore: 'repaired' });
}
