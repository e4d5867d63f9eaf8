import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { assertSameRequest, requestHash } from '@platform/database';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import type { CollectionConfig } from '../../collection.definition';
import { lockRecordInScope } from '../../records/application/record-access';
import { RecordUpdater } from '../../records/application/record-updater';
import { OBJECTABLE_STATUSES, objectionDueOn, validateObjectionRequest } from '../domain/objection';
import { ObjectionEntity } from '../infrastructure/objection.entity';
import type { OpenObjectionCommand, OpenObjectionResult } from './open-objection.command';
import { toObjectionView } from './objection-view';
import { OBJECTION_CALENDAR } from './objections.tokens';
import { ObjectionErrorCode } from '../domain/objection-errors';

/** The operation an Idempotency-Key on opening an objection answers. */
export const OPEN_OBJECTION_OPERATION = 'objections.open';

/**
 * A subject (or an integrator on its behalf) disputes a record. The record becomes
 * "under-objection" until the providing unit answers, which it must do within the configured
 * number of working days. One open objection per record at a time.
 */
@Injectable()
export class OpenObjectionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly recordUpdater: RecordUpdater,
    @Inject(OBJECTION_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(SERVICE_CONFIG) private readonly config: CollectionConfig,
  ) {}

  async execute(principal: Principal, request: OpenObjectionCommand): Promise<OpenObjectionResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const { value, violations } = validateObjectionRequest(request);
    if (!value) throw DomainError.validation(ObjectionErrorCode.Invalid, violations);
    const idempotencyKey = request.idempotencyKey.trim() || null;
    const hash = idempotencyKey ? requestHash(OPEN_OBJECTION_OPERATION, { recordId: request.recordId, ...value }) : null;
    const replay = await this.findReplay(principal.clientId, idempotencyKey, hash);
    if (replay) return replay;
    return this.dataSource.transaction(async (manager) => {
      const record = await lockRecordInScope(manager, principal, request.recordId);
      // A concurrent retry with the same key may have committed while we waited for the lock.
      const raced = await this.findReplay(principal.clientId, idempotencyKey, hash, manager);
      if (raced) return raced;
      if (record.status === 'under-objection') throw DomainError.conflict(ObjectionErrorCode.AlreadyOpen, 'The record already has an open objection.');
      if (!OBJECTABLE_STATUSES.includes(record.status)) {
        throw DomainError.conflict(ObjectionErrorCode.RecordNotObjectable, `A ${record.status} record is no longer in force and cannot be objected to.`);
      }
      const now = new Date();
      const objection = manager.create(ObjectionEntity, {
        id: uuidv7(),
        recordId: record.id,
        region: record.region,
        providerClientId: record.sourceClientId,
        status: 'open',
        recordStatusBefore: record.status,
        reason: value.reason,
        objector: value.objector,
        openedBy: principal.clientId,
        openedAt: now,
        dueOn: objectionDueOn(chinaDateOf(now), this.config.OBJECTION_RESOLUTION_WORKING_DAYS, this.calendar),
        idempotencyKey,
        idempotencyRequestHash: hash,
      });
      await manager.insert(ObjectionEntity, objection);
      await this.recordUpdater.apply(manager, record, {
        status: 'under-objection',
        change: 'objection-opened',
        reason: value.reason,
        changedBy: principal.clientId,
        changedAt: now,
      });
      await this.outbox.append(manager, Events.CreditObjectionOpened, {
        subjectId: record.subjectId,
        region: record.region,
        occurredAt: now,
        data: {
          objectionId: objection.id,
          recordId: record.id,
          providerClientId: record.sourceClientId,
          openedBy: principal.clientId,
          openedAt: now.toISOString(),
          dueOn: objection.dueOn,
        },
      });
      return { objection: toObjectionView(objection, now), replayed: false };
    });
  }

  private async findReplay(
    clientId: string,
    idempotencyKey: string | null,
    hash: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OpenObjectionResult | undefined> {
    if (!idempotencyKey) return undefined;
    const earlier = await manager.getRepository(ObjectionEntity).findOneBy({ openedBy: clientId, idempotencyKey });
    // The same key must carry the same objection (platform rule); one stored before hashes were kept replays as before.
    if (earlier?.idempotencyRequestHash && hash) {
      assertSameRequest(
        { operation: OPEN_OBJECTION_OPERATION, requestHash: earlier.idempotencyRequestHash },
        { operation: OPEN_OBJECTION_OPERATION, requestHash: hash },
      );
    }
    return earlier ? { objection: toObjectionView(earlier), replayed: true } : undefined;
  }
}
