import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { collectionV1 } from '@contracts';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { lockRecordInScope } from '../../records/application/record-access';
import type { CreditRecord, RecordStatus } from '../../records/domain/credit-record';
import { claimStateOf, MONITORING_VIOLATION, requiredText, ViolationClaimErrorCode } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';

const IN_FORCE: readonly RecordStatus[] = ['active', 'under-objection', 'corrected'];

/**
 * A monitoring violation is pushed to the enterprise concerned (it appears in its list as
 * unclaimed); the enterprise claims it, then records what it did. Each step happens once.
 */
@Injectable()
export class ViolationClaimsService {
  constructor(private readonly dataSource: DataSource) {}

  claim(principal: Principal, request: collectionV1.ClaimViolationRequest): Promise<collectionV1.ClaimViolationResponse> {
    assertScope(principal, Scopes.RecordsWrite);
    const claimant = this.required(requiredText('claimant', request.claimant, 'who at the enterprise claims it'));
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockViolation(manager, principal, request.recordId);
      const existing = await manager.findOneBy(ViolationClaimEntity, { recordId: record.id });
      if (existing) throw DomainError.conflict(ViolationClaimErrorCode.AlreadyClaimed, `The violation was already claimed by ${existing.claimant}.`);
      const claim = manager.create(ViolationClaimEntity, { recordId: record.id, claimedBy: principal.clientId, claimant, claimedAt: new Date(), disposal: null, disposedBy: null, disposedAt: null });
      await manager.insert(ViolationClaimEntity, claim);
      return { violation: toViolationMessage(record, claim) };
    });
  }

  dispose(principal: Principal, request: collectionV1.DisposeViolationRequest): Promise<collectionV1.DisposeViolationResponse> {
    assertScope(principal, Scopes.RecordsWrite);
    const disposal = this.required(requiredText('disposal', request.disposal, 'what the enterprise did about it'));
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockViolation(manager, principal, request.recordId);
      const claim = await manager.findOneBy(ViolationClaimEntity, { recordId: record.id });
      if (!claim) throw DomainError.conflict(ViolationClaimErrorCode.NotClaimed, 'Claim the violation before recording its disposal.');
      if (claim.disposedAt) throw DomainError.conflict(ViolationClaimErrorCode.AlreadyDisposed, 'The disposal was already recorded.');
      claim.disposal = disposal;
      claim.disposedBy = principal.clientId;
      claim.disposedAt = new Date();
      await manager.update(ViolationClaimEntity, { recordId: record.id }, { disposal, disposedBy: claim.disposedBy, disposedAt: claim.disposedAt });
      return { violation: toViolationMessage(record, claim) };
    });
  }

  private async lockViolation(manager: EntityManager, principal: Principal, recordId: string): Promise<CreditRecord> {
    const record = await lockRecordInScope(manager, principal, recordId);
    if (record.recordType !== MONITORING_VIOLATION) {
      throw DomainError.conflict(ViolationClaimErrorCode.NotAViolation, `Record ${recordId} is a ${record.recordType} record, not a monitoring violation.`);
    }
    if (!IN_FORCE.includes(record.status)) throw DomainError.conflict(ViolationClaimErrorCode.NotInForce, `The violation was ${record.status}; there is nothing to claim.`);
    return record;
  }

  private required(result: { value?: string; violations: { field: string; message: string; code?: string }[] }): string {
    if (result.value === undefined) throw DomainError.validation(ViolationClaimErrorCode.Invalid, result.violations);
    return result.value;
  }
}

export function toViolationMessage(
  record: Pick<CreditRecord, 'id' | 'subjectKind' | 'subjectId' | 'subjectName' | 'region' | 'decisionDate' | 'payload'>,
  claim: ViolationClaimEntity | null,
): collectionV1.ViolationClaim {
  return {
    recordId: record.id,
    subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
    region: record.region,
    violationCode: String(record.payload['violationCode'] ?? ''),
    decisionDate: record.decisionDate,
    state: claimStateOf(claim),
    claimedBy: claim?.claimedBy ?? '',
    claimant: claim?.claimant ?? '',
    claimedAt: claim?.claimedAt.toISOString() ?? '',
    disposal: claim?.disposal ?? '',
    disposedAt: claim?.disposedAt?.toISOString() ?? '',
  };
}
