import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { provinceOf, type RegionCode } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { findStoredFiles, type StoredFileMeta } from '@platform/files';
import { checkApplication } from '../domain/application-check';
import { attachmentFileDeficiencies } from '../domain/attachment-files';
import { ApplicationErrorCode } from '../domain/application-errors';
import { assessApplication } from '../domain/assessment';
import { creditPath } from '../domain/credit-path';
import { routeProvinces, type PermitApplicationDraft } from '../domain/permit-application';
import { findRegistryCarrier } from '../infrastructure/registry-carriers.repository';
import { insertPermitApplication } from '../infrastructure/permit-applications.repository';
import { PERMIT_CALENDAR } from './applications.tokens';
import { CREDIT_CHECK, type CreditCheckPort } from './credit-check.port';
import type { PermitApplicationView } from './permit-application.view';
import type { SubmitApplicationCommand, SubmitApplicationResult } from './submit-application.command';

/** Registry sector of a carrier whose licence covers oversize transport (大件运输, licence-scope.ts in collection). */
const OVERSIZE_SECTOR = 'oversize-transport';

/**
 * A carrier applies for an oversize-transport permit (issue 18 items 1–4): every invalid item is
 * answered at once (400 PERMIT_APPLICATION.INVALID), the carrier must be in the subject registry,
 * each attachment must name an uploaded file (ADR 0076), joint measures says whether the commitment path is open, and the application is classified with
 * its deadline and stored with one approval row per route province, in one transaction keyed by
 * the Idempotency-Key. The accepting authority is the caller's region; the route starts in its province.
 */
@Injectable()
export class SubmitApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CREDIT_CHECK) private readonly creditCheck: CreditCheckPort,
    @Inject(PERMIT_CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute(principal: Principal, command: SubmitApplicationCommand, now = new Date()): Promise<SubmitApplicationResult> {
    assertScope(principal, Scopes.PermitsWrite);
    const { draft } = command;
    assertValid(
      principal,
      draft,
      await findStoredFiles(
        this.dataSource.manager,
        (draft.attachments ?? []).map((a) => a.sha256),
      ),
    );
    const carrierUscc = draft.carrierUscc.trim().toUpperCase();
    const carrier = await findRegistryCarrier(this.dataSource.manager, carrierUscc);
    if (!carrier || !carrier.active) {
      throw DomainError.validation(ApplicationErrorCode.UnknownCarrier, [
        { field: 'carrierUscc', message: `${carrierUscc} is not an active enterprise of the subject registry` },
      ]);
    }
    const credit = creditPath(draft.commitment, await this.creditCheck.check(principal, carrierUscc, principal.region));
    const receivedOn = chinaDateOf(now);
    const assessment = assessApplication(draft, { licensedForOversize: carrier.sectors.includes(OVERSIZE_SECTOR) }, credit, receivedOn, this.calendar);
    const view: PermitApplicationView = {
      id: randomUUID(),
      region: principal.region,
      carrierUscc,
      status: assessment.status,
      permitClass: assessment.permitClass,
      crossProvince: assessment.crossProvince,
      workingDays: assessment.workingDays,
      receivedOn,
      remoteInspection: null,
      acceptedOn: assessment.status === 'accepted' ? receivedOn : null,
      deadline: assessment.deadline?.date ?? null,
      deadlineProvisional: assessment.deadline?.provisional ?? false,
      path: credit.path,
      inspection: credit.inspection,
      pathReasons: credit.reasons,
      creditDecisionId: credit.decisionId,
      reasons: assessment.reasons,
      deficiencies: assessment.deficiencies,
      approvals: assessment.provinces.map((province, i) => ({
        province,
        state: i === 0 ? 'origin' : 'pending',
        reason: null,
        answeredAt: null,
        overdue: false,
        escalatedAt: null,
      })),
      decision: null,
      decisionReason: null,
      permitNo: null,
    };
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { clientId: principal.clientId, key: command.idempotencyKey, operation: 'permit-applications.submit', request: draft },
        async () => {
          await insertPermitApplication(manager, { view, clientId: principal.clientId, draft });
          return view;
        },
      ),
    );
    return { application: answer, replayed };
  }
}

function assertValid(principal: Principal, draft: PermitApplicationDraft, storedFiles: StoredFileMeta[]): void {
  const deficiencies = [...checkApplication(draft), ...attachmentFileDeficiencies(draft.attachments ?? [], storedFiles)];
  if (deficiencies.length > 0) {
    throw DomainError.validation(
      ApplicationErrorCode.Invalid,
      deficiencies.map((d) => ({ field: d.field, message: d.reason })),
      'The application is incomplete or invalid; every item is listed (一次性告知); nothing was stored.',
    );
  }
  const origin = routeProvinces(draft.route.segments)[0];
  if (origin !== provinceOf(principal.region as RegionCode)) {
    throw DomainError.validation(ApplicationErrorCode.OriginOutsideRegion, [
      {
        field: 'route.segments[0].province',
        message: `the route starts in ${origin}; the accepting authority ${principal.region} accepts routes starting in its province`,
      },
    ]);
  }
}
