import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { runIdempotent } from '@platform/database';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { ApplicationErrorCode } from '../domain/application-errors';
import { decisionViolations, notDecidable, permitNumber, type DecisionOutcome } from '../domain/decision';
import { ISSUING_AUTHORITIES, issuingAuthorityOf, type IssuingAuthority } from '../domain/issuing-authority';
import { plateColoursOf, routeProvinces, type PermitApplicationDraft } from '../domain/permit-application';
import { findApplicationDraft, findPermitApplication, recordDecision } from '../infrastructure/permit-applications.repository';
import { findRegistryCarrier } from '../infrastructure/registry-carriers.repository';
import { insertPermit, nextPermitSerial } from '../infrastructure/permits.repository';
import { ISSUING_AUTHORITY_TABLE } from './applications.tokens';
import type { DecideApplicationCommand, DecideApplicationResult } from './decide-application.command';
import type { PermitApplicationView } from './permit-application.view';
import type { PermitView } from './permit.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The accepting authority (a client whose region covers the application's) issues or refuses an
 * accepted application, once. Issuing numbers the permit, stores it and announces
 * `permits.permit.issued` in the same transaction (outbox); a cross-province application is issued
 * only when every route province has approved (409 PERMIT_APPLICATION.APPROVALS_PENDING).
 */
@Injectable()
export class DecideApplicationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Optional() @Inject(ISSUING_AUTHORITY_TABLE) authorities?: readonly IssuingAuthority[],
  ) {
    this.authorities = authorities ?? ISSUING_AUTHORITIES;
  }

  private readonly authorities: readonly IssuingAuthority[];

  async execute(principal: Principal, command: DecideApplicationCommand, now = new Date()): Promise<DecideApplicationResult> {
    assertScope(principal, Scopes.PermitsWrite);
    const violations = decisionViolations(command.outcome, command.reason);
    if (violations.length > 0) {
      throw DomainError.validation(
        ApplicationErrorCode.Invalid,
        violations.map((v) => ({ field: v.field, message: v.reason })),
      );
    }
    const outcome = command.outcome as DecisionOutcome;
    const { answer, replayed } = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        {
          clientId: principal.clientId,
          key: command.idempotencyKey,
          operation: 'permit-applications.decide',
          request: { id: command.id, outcome, reason: command.reason ?? null },
        },
        () => this.decide(manager, principal, command.id, outcome, command.reason?.trim() || null, now),
      ),
    );
    return { ...answer, replayed };
  }

  private async decide(
    manager: EntityManager,
    principal: Principal,
    id: string,
    outcome: DecisionOutcome,
    reason: string | null,
    now: Date,
  ): Promise<{ application: PermitApplicationView; permit: PermitView | null }> {
    const application = UUID.test(id) ? await findPermitApplication(manager, id, true) : undefined;
    if (!application || !isWithinRegion(principal, application.region)) {
      throw DomainError.notFound(ApplicationErrorCode.NotFound, `No permit application ${id} visible to this client.`);
    }
    const blocked = notDecidable({ status: application.status, decided: application.decision !== null, approvals: application.approvals }, outcome);
    if (blocked === 'already-decided')
      throw DomainError.conflict(ApplicationErrorCode.AlreadyDecided, `Application ${id} was decided already (${application.decision}).`);
    if (blocked === 'not-accepted')
      throw DomainError.conflict(ApplicationErrorCode.NotAccepted, `Application ${id} is ${application.status}: only an accepted application is decided.`);
    if (blocked === 'approvals-pending') {
      const pending = application.approvals.filter((a) => a.state === 'pending').map((a) => a.province);
      throw DomainError.conflict(ApplicationErrorCode.ApprovalsPending, `Provinces ${pending.join(', ')} on the route have not approved yet.`);
    }
    if (outcome === 'refuse') {
      await recordDecision(manager, id, 'refused', reason, principal.clientId);
      return { application: (await findPermitApplication(manager, id))!, permit: null };
    }
    const authority = issuingAuthorityOf(this.authorities, application.region);
    if (!authority) {
      throw DomainError.conflict(
        ApplicationErrorCode.NoIssuingAuthority,
        `No issuing authority is configured for region ${application.region}: a permit must name its authority and USCC (双公示).`,
      );
    }
    const draft = (await findApplicationDraft(manager, id))!;
    const permit = await this.issue(manager, application, draft, authority, now);
    await recordDecision(manager, id, 'issued', reason, principal.clientId);
    return { application: (await findPermitApplication(manager, id))!, permit };
  }

  private async issue(
    manager: EntityManager,
    application: PermitApplicationView,
    draft: PermitApplicationDraft,
    authority: IssuingAuthority,
    now: Date,
  ): Promise<PermitView> {
    const origin = routeProvinces(draft.route.segments)[0];
    const carrier = await findRegistryCarrier(manager, application.carrierUscc);
    const permit: PermitView = {
      permitNo: permitNumber(origin, application.receivedOn.slice(0, 4), await nextPermitSerial(manager)),
      applicationId: application.id,
      region: application.region,
      carrierUscc: application.carrierUscc,
      carrierName: carrier?.name ?? '',
      permitClass: application.permitClass!,
      vehicle: { tractorPlate: draft.vehicle.tractorPlate, trailerPlate: draft.vehicle.trailerPlate, axleCount: draft.vehicle.axleCount },
      route: { origin: draft.route.origin, destination: draft.route.destination, provinces: routeProvinces(draft.route.segments) },
      dimensions: draft.dimensions,
      validFrom: draft.window.from,
      validUntil: draft.window.to,
      trips: draft.trips,
      issuedAt: now.toISOString(),
      revocation: null,
    };
    await insertPermit(manager, permit);
    const colours = plateColoursOf(draft.vehicle);
    await this.outbox.append(manager, Events.PermitIssued, {
      subjectId: permit.carrierUscc,
      region: permit.region,
      occurredAt: now,
      data: {
        permitNo: permit.permitNo,
        applicationId: permit.applicationId,
        carrier: { uscc: permit.carrierUscc, name: permit.carrierName },
        vehicle: {
          tractorPlate: permit.vehicle.tractorPlate,
          tractorPlateColour: colours.tractor,
          trailerPlate: permit.vehicle.trailerPlate || undefined,
          trailerPlateColour: permit.vehicle.trailerPlate ? colours.trailer : undefined,
        },
        permitClass: permit.permitClass,
        route: {
          segments: draft.route.segments.map((s) => ({ province: s.province, line: { type: 'LineString' as const, coordinates: s.geometry.coordinates } })),
        },
        dimensions: permit.dimensions,
        validFrom: `${permit.validFrom}T00:00:00+08:00`,
        validUntil: `${permit.validUntil}T23:59:59+08:00`,
        trips: permit.trips,
        issuedBy: { region: permit.region, authority: authority.name, authorityUscc: authority.uscc },
        issuedAt: permit.issuedAt,
      },
    });
    return permit;
  }
}
