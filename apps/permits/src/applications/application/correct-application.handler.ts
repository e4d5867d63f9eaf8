import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { checkApplication } from '../domain/application-check';
import { ApplicationErrorCode } from '../domain/application-errors';
import { assessCorrection, correctedDraft, type Correction } from '../domain/correction';
import { findApplicationDraft, findPermitApplication, recordCorrection } from '../infrastructure/permit-applications.repository';
import { PERMIT_CALENDAR } from './applications.tokens';
import type { PermitApplicationView } from './permit-application.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CorrectApplicationCommand extends Correction {
  id: string;
}

/**
 * The applicant corrects a deficient application (补正, issue 18 item 4): the attachments handed in
 * are added, the escort plan taken, every invalid item refused at once (400 PERMIT_APPLICATION.INVALID,
 * nothing stored). Complete → accepted today and the decision deadline counted from today
 * (《行政许可法》第三十二条); still incomplete → one new notice of what is still missing. Only a
 * deficient application is corrected (409 PERMIT_APPLICATION.NOT_DEFICIENT).
 */
@Injectable()
export class CorrectApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PERMIT_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, command: CorrectApplicationCommand, now = new Date()): Promise<PermitApplicationView> {
    assertScope(principal, Scopes.PermitsWrite);
    return this.dataSource.transaction((manager) => this.correct(manager, principal, command, now));
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
    const invalid = checkApplication(draft);
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
