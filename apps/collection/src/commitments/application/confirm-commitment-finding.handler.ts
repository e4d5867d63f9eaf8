import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CollectionConfig } from '../../collection.definition';
import { lockRecord } from '../../records/application/record-access';
import { RecordWriterPort } from '../../records/application/records.tokens';
import { RecordErrorCode } from '../../records/domain/record-errors';
import { CLOCK } from '../../scheduling/application/scheduling.tokens';
import type { Clock } from '../../scheduling/domain/clock';
import { validateSubmission, ValidSubmission } from '../../records/domain/record-submission';
import { FindingConfirmation, repeatsConfirmation, validateConfirmation } from '../domain/commitment-finding';
import { CommitmentFindingErrorCode } from '../domain/commitment-finding-errors';
import { CommitmentFindingEntity } from '../infrastructure/commitment-finding.entity';
import { assertAcceptingUnit, lockFindingInScope } from './commitment-finding-access';
import { CommitmentFindingView, toCommitmentFindingView } from './commitment-finding-view';
import type { ConfirmCommitmentFindingCommand } from './decide-commitment-finding.command';

/**
 * The unit that accepted a commitment confirms the scheduler's finding that it was broken (issue
 * 16; ADR 0045): only now is a `commitment-broken` record created — under that unit's client id,
 * with its decision document number and date — and published (`credit.records.created` through
 * the outbox), in one transaction with the finding's decision. Idempotent: a retry with the same
 * document number answers the same finding and writes nothing.
 */
@Injectable()
export class ConfirmCommitmentFindingHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<CollectionConfig, 'AUTO_BROKEN_COMMITMENT_SEVERITY'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, request: ConfirmCommitmentFindingCommand): Promise<{ finding: CommitmentFindingView }> {
    assertScope(principal, Scopes.RecordsWrite);
    return this.dataSource.transaction(async (manager) => {
      const finding = await lockFindingInScope(manager, principal, request.findingId);
      const now = this.clock.now();
      const today = chinaDateOf(now);
      const { value: confirmation, violations } = validateConfirmation(request, { today, dueOn: finding.dueOn });
      if (!confirmation) throw DomainError.validation(CommitmentFindingErrorCode.Invalid, violations);
      assertAcceptingUnit(principal, finding);
      if (repeatsConfirmation(finding, confirmation)) return { finding: toCommitmentFindingView(finding) };
      if (finding.status !== 'pending') throw DomainError.conflict(CommitmentFindingErrorCode.AlreadyDecided, `The finding was already ${finding.status}.`);
      const commitment = await lockRecord(manager, finding.commitmentRecordId);
      if (!commitment || !['active', 'corrected'].includes(commitment.status)) {
        throw DomainError.conflict(
          CommitmentFindingErrorCode.CommitmentNotInForce,
          `The commitment is ${commitment?.status ?? 'gone'}: it cannot be found broken.`,
        );
      }
      const severity = confirmation.severity ?? this.config.AUTO_BROKEN_COMMITMENT_SEVERITY;
      const [written] = await this.writer.write(manager, principal.clientId, [this.brokenRecord(finding, confirmation, severity, today)], now);
      if (!written)
        throw DomainError.conflict(RecordErrorCode.Duplicate, 'A record with this document number about this subject, or for this commitment, exists already.');
      return { finding: toCommitmentFindingView(await this.decide(manager, finding, principal.clientId, now, confirmation, severity, written.id)) };
    });
  }

  /** The record the unit's decision makes, validated like any submission. */
  private brokenRecord(finding: CommitmentFindingEntity, confirmation: FindingConfirmation, severity: string, today: string): ValidSubmission {
    const payload: Record<string, unknown> = {
      commitmentRecordId: finding.commitmentRecordId,
      description: finding.description,
      detectedBy: 'automatic-due-date',
      ...(finding.consequence ? { consequence: finding.consequence } : {}),
    };
    return validateSubmission(
      {
        recordType: 'commitment-broken',
        subject: { kind: finding.subjectKind, id: finding.subjectId, name: finding.subjectName },
        region: finding.region,
        severity,
        decisionDate: confirmation.decisionDate,
        documentNumber: confirmation.documentNumber,
        sourceRecordId: `commitment-broken:${finding.commitmentRecordId}`,
        payloadJson: JSON.stringify(payload),
        idempotencyKey: '',
      },
      this.catalogues.current(today),
      today,
    );
  }

  private async decide(
    manager: EntityManager,
    finding: CommitmentFindingEntity,
    by: string,
    at: Date,
    confirmation: FindingConfirmation,
    severity: CommitmentFindingEntity['severity'],
    recordId: string,
  ): Promise<CommitmentFindingEntity> {
    const decided: Partial<CommitmentFindingEntity> = {
      status: 'confirmed',
      decidedBy: by,
      decidedAt: at,
      decisionDocumentNumber: confirmation.documentNumber,
      decisionDate: confirmation.decisionDate,
      severity,
      brokenRecordId: recordId,
    };
    await manager.update(CommitmentFindingEntity, { id: finding.id }, decided);
    return Object.assign(finding, decided);
  }
}
