import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, hasScope, Principal, Scopes } from '@platform/auth';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { isUuid, lockRecordInScope } from '../../records/application/record-access';
import { RecordUpdater } from '../../records/application/record-updater';
import { RevokeRecordHandler } from '../../records/application/revoke-record.handler';
import { Correction, correctRecord } from '../../records/domain/record-correction';
import type { CreditRecord } from '../../records/domain/credit-record';
import { isOverdue, OBJECTION_OUTCOMES, ObjectionDecision, ObjectionOutcome, outcomeOf } from '../domain/objection';
import { ObjectionEntity } from '../infrastructure/objection.entity';
import { toObjectionView } from './objection-view';
import type { ResolveObjectionCommand, ResolveObjectionResult } from './resolve-objection.command';
import { RecordErrorCode } from '../../records/domain/record-errors';
import { ObjectionErrorCode } from '../domain/objection-errors';

const MAX_NOTE = 2000;

/**
 * The providing unit answers an objection (seed 001: 由信息提供单位对异议信息进行核实，经核实有误
 * 信息应及时更正或撤销). Upheld with a correction: the record is corrected (a new version with
 * what changed). Upheld without one: the record is revoked. Rejected: the record returns to the
 * status it had. The objection, the record's new version and the events commit together.
 */
@Injectable()
export class ResolveObjectionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly recordUpdater: RecordUpdater,
    private readonly revocations: RevokeRecordHandler,
    private readonly catalogues: CatalogueStore,
  ) {}

  async execute(principal: Principal, request: ResolveObjectionCommand): Promise<ResolveObjectionResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const { decision, note, correction } = this.validate(request);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const objection = await this.lockObjection(manager, principal, request.objectionId);
        if (objection.status !== 'open') throw DomainError.conflict(ObjectionErrorCode.AlreadyResolved, `The objection was already ${objection.status}.`);
        if (objection.providerClientId !== principal.clientId && !hasScope(principal, Scopes.Admin)) {
          throw DomainError.forbidden(ObjectionErrorCode.NotProvider, 'Only the unit that provided the record may resolve an objection to it.');
        }
        const record = await lockRecordInScope(manager, principal, objection.recordId);
        const now = new Date();
        const outcome = outcomeOf(decision, correction !== undefined);
        await this.applyToRecord(manager, record, objection, outcome, note, correction, principal.clientId, now);
        objection.status = decision;
        objection.outcome = outcome;
        objection.note = note;
        objection.resolvedBy = principal.clientId;
        objection.resolvedAt = now;
        await manager.update(ObjectionEntity, { id: objection.id }, { status: decision, outcome, note, resolvedBy: principal.clientId, resolvedAt: now });
        await this.outbox.append(manager, Events.CreditObjectionResolved, {
          subjectId: record.subjectId,
          region: record.region,
          occurredAt: now,
          data: {
            objectionId: objection.id,
            recordId: record.id,
            outcome,
            resolvedBy: principal.clientId,
            resolvedAt: now.toISOString(),
            late: isOverdue({ status: decision, dueOn: objection.dueOn, resolvedOn: chinaDateOf(now) }, chinaDateOf(now)),
          },
        });
        return { objection: toObjectionView(objection, now) };
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
        throw DomainError.conflict(RecordErrorCode.Duplicate, 'The corrected record would duplicate another record (same type, document number and subject).');
      }
      throw error;
    }
  }

  private validate(request: ResolveObjectionCommand): { decision: ObjectionDecision; note: string; correction?: Correction } {
    const decision = request.outcome.trim().toLowerCase();
    const note = request.note.trim();
    const violations = [];
    if (!(OBJECTION_OUTCOMES as readonly string[]).includes(decision))
      violations.push({ field: 'outcome', message: `must be one of ${OBJECTION_OUTCOMES.join(', ')}`, code: 'INVALID_OUTCOME' });
    if (!note) violations.push({ field: 'note', message: 'is required: what the verification found', code: 'REQUIRED' });
    else if (note.length > MAX_NOTE) violations.push({ field: 'note', message: `at most ${MAX_NOTE} characters`, code: 'TOO_LONG' });
    const correction = request.correction && Object.values(request.correction).some((v) => v !== undefined && v !== null) ? request.correction : undefined;
    if (correction && decision === 'rejected')
      violations.push({ field: 'correction', message: 'only an upheld objection corrects the record', code: 'NOT_ALLOWED' });
    if (violations.length > 0) throw DomainError.validation(ObjectionErrorCode.Invalid, violations);
    return { decision: decision as ObjectionDecision, note, correction };
  }

  private async lockObjection(manager: EntityManager, principal: Principal, id: string): Promise<ObjectionEntity> {
    const notFound = DomainError.notFound(ObjectionErrorCode.NotFound, `No objection ${id}.`);
    if (!isUuid(id)) throw notFound;
    const objection = await manager.getRepository(ObjectionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!objection) throw notFound;
    try {
      await lockRecordInScope(manager, principal, objection.recordId);
    } catch {
      throw notFound;
    }
    return objection;
  }

  private async applyToRecord(
    manager: EntityManager,
    record: CreditRecord,
    objection: ObjectionEntity,
    outcome: ObjectionOutcome,
    note: string,
    correction: Correction | undefined,
    by: string,
    at: Date,
  ): Promise<void> {
    if (outcome === 'revoked') {
      await this.revocations.revokeLocked(manager, record, note, by);
      return;
    }
    if (outcome === 'rejected') {
      await this.recordUpdater.apply(manager, record, {
        status: objection.recordStatusBefore,
        change: 'objection-rejected',
        reason: note,
        changedBy: by,
        changedAt: at,
      });
      return;
    }
    const { submission, changes } = correctRecord(record, correction ?? {}, this.catalogues.current());
    record.subjectName = submission.subject.name;
    record.severity = submission.severity;
    record.decisionDate = submission.decisionDate;
    record.documentNumber = submission.documentNumber;
    record.payload = submission.payload;
    // A record repaired while under objection stays repaired; the correction is still recorded.
    const status = objection.recordStatusBefore === 'repaired' ? 'repaired' : 'corrected';
    await this.recordUpdater.apply(manager, record, { status, change: 'corrected', reason: note, changedBy: by, changedAt: at, changes });
  }
}
