import { EntityManager } from 'typeorm';
import { hasScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { inRegionScope, isUuid } from '../../records/application/record-access';
import { CommitmentFindingErrorCode } from '../domain/commitment-finding-errors';
import { CommitmentFindingEntity } from '../infrastructure/commitment-finding.entity';

/**
 * The finding, locked for the rest of the transaction, if it is in the caller's region (outside
 * it reads as absent, as records do).
 */
export async function lockFindingInScope(manager: EntityManager, principal: Principal, id: string): Promise<CommitmentFindingEntity> {
  const notFound = DomainError.notFound(CommitmentFindingErrorCode.NotFound, `No commitment finding ${id}.`);
  if (!isUuid(id)) throw notFound;
  const finding = await manager.getRepository(CommitmentFindingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!finding || !inRegionScope(principal, finding.region)) throw notFound;
  return finding;
}

/** Only the unit that accepted the commitment decides its finding (谁认定、谁负责); an admin may stand in. */
export function assertAcceptingUnit(principal: Principal, finding: CommitmentFindingEntity): void {
  if (finding.acceptingClientId === principal.clientId || hasScope(principal, Scopes.Admin)) return;
  throw DomainError.forbidden(CommitmentFindingErrorCode.NotAcceptingUnit, 'Only the unit that accepted the commitment may decide this finding.');
}
