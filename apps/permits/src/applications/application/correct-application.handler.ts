import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { findStoredFiles } from '@platform/files';
import { checkApplication } from '../domain/application-check';
import { attachmentFileDeficiencies } from '../domain/attachment-files';
import { ApplicationErrorCode } from '../domain/application-errors';
import { assessCorrection, correctedDraft, type Correction } from '../domain/correction';
import { findApplicationDraft, findPermitApplication, recordCorrection } from '../infrastructure/permit-applications.repository';
import { PERMIT_CALENDAR } from './applications.tokens';
import type { PermitApplicationView } from './permit-application.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CorrectApplicationCommand extends Correction {
  id: string;
  /** Empty: no key. A retried key answers the first correction; another body under it is 422. */
  idempotencyKey?: string;
}

export interface CorrectApplicationResult {
  application: PermitApplicationView;
  replayed: boolean;
}

/**
 * The applicant corrects a deficient application (补正, issue 18 item 4): the attachments handed in
 * are added, the escort plan taken, every invalid item refused at once (400 PERMIT_APPLICATION.INVALID,
 * nothing stored). Complete → accepted today and the decision deadline counted from today
 * (《行政许可法》第三十二条); still incomplete → one new notice of what is still missing. Only a
 * deficient application is corrected (409 PERMIT_APPLICATION.NOT_DEFICIENT). A retried
 * Idempotency-Key answers the first correction instead of a 409 (API.md: writes accept it).
 */
@Injectable()
export class CorrectApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PERMIT_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, command: CorrectApplicationCommand, now = new Date()): Promise<CorrectApplicationResult> {
    assertScope(principal, Scopes.PermitsWrite);
    const { idempotencyKey, ...correction } = command;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(manager, { clientId: principal.clientId, key: idempotencyKey ?? '', operation: 'permit-applications.correct', request: correction }, () =>
        this.correct(manager, principal, correction, now),
      ),
    );
    return { application: answer, replayed };
  }

  private async correct(manager: EntityManager, principal: Principal, command: CorrectApplicationCommand, now: Date): Promise<PermitApplicationView> {
    const application = UUID.test(command.id) ? await findPermitApplication(manager, command.id, true) : undefined;
    if (!application || !isWithinRegion(principal, application.region)) {
      throw DomainError.notFound(ApplicationErrorCode.NotFound, `No permit application ${command.id} visible to this client.`);
    }
    if (application.status !== 'deficient') {
      throw DomainError.conflict(
        ApplicationErrorCode.NotDeficient,
        `Application ${command.id} is ${application.status}: only a deficient application is corrected.`,
      );
    }
    const draft = correctedDraft((await findApplicationDraft(manager, command.id))!, command);
    const stored = await findStoredFiles(
      manager,
      draft.attachments.map((a) => a.sha256),
    );
    const invalid = [...checkApplication(draft), ...attachmentFileDeficiencies(draft.attachments, stored)];
    if (invalid.length > 0) {
      throw DomainError.validation(
        ApplicationErrorCode.Invalid,
        invalid.map((d) => ({ field: d.field, message: d.reason })),
        'The correction is invalid; every item is listed (一次性告知); nothing was stored.',
      );
    }
    const outcome = assessCorrection(draft, application.permitClass!, application.workingDays!, chinaDateOf(now), this.calendar);
    await recordCorrection(manager, command.id, {
      draft,
      status: outcome.status,
      deficiencies: outcome.status === 'deficient' ? outcome.deficiencies : [],
      acceptedOn: outcome.status === 'accepted' ? outcome.acceptedOn : null,
      deadline: outcome.status === 'accepted' ? outcome.deadline.date : null,
      deadlineProvisional: outcome.status === 'accepted' ? outcome.deadline.provisional : false,
      at: now,
    });
    return (await findPermitApplication(manager, command.id))!;
  }
}
