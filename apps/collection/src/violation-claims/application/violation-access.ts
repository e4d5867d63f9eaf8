import { EntityManager } from 'typeorm';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { lockRecordInScope } from '../../records/application/record-access';
import type { CreditRecord, RecordStatus } from '../../records/domain/credit-record';
import { MONITORING_VIOLATION } from '../domain/violation-claim';
import { ViolationClaimErrorCode } from '../domain/violation-claim-errors';

const IN_FORCE: readonly RecordStatus[] = ['active', 'under-objection', 'corrected'];

/** The monitoring violation, locked for the rest of the transaction, if it is in the caller's region and still in force. */
export async function lockViolation(manager: EntityManager, principal: Principal, recordId: string): Promise<CreditRecord> {
  const record = await lockRecordInScope(manager, principal, recordId);
  if (record.recordType !== MONITORING_VIOLATION) {
    throw DomainError.conflict(ViolationClaimErrorCode.NotAViolation, `Record ${recordId} is a ${record.recordType} record, not a monitoring violation.`);
  }
  if (!IN_FORCE.includes(record.status))
    throw DomainError.conflict(ViolationClaimErrorCode.NotInForce, `The violation was ${record.status}; there is nothing to claim.`);
  return record;
}

/** The text, or a validation error with its violations. */
export function requiredOrThrow(result: { value?: string; violations: { field: string; message: string; code?: string }[] }): string {
  if (result.value === undefined) throw DomainError.validation(ViolationClaimErrorCode.Invalid, result.violations);
  return result.value;
}
