import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { ApplicationErrorCode } from '../domain/application-errors';
import { ISSUING_AUTHORITIES, issuingAuthorityOf, type IssuingAuthority } from '../domain/issuing-authority';
import { plateColoursOf } from '../domain/permit-application';
import { falseMaterialsViolation, revocationViolations } from '../domain/revocation';
import { findApplicationDraft } from '../infrastructure/permit-applications.repository';
import { findPermit, recordRevocation } from '../infrastructure/permits.repository';
import { ISSUING_AUTHORITY_TABLE } from './applications.tokens';
import type { PermitView } from './permit.view';

export interface RevokePermitCommand {
  permitNo: string;
  reason?: string;
  falseMaterials: boolean;
}

/**
 * The issuing authority (a client whose region covers the permit's) revokes a permit once:
 * `permits.permit.revoked` (route conformance stops watching it) and, when the application gave
 * false materials, `permits.violations.detected` (false-materials, application-review), which
 * collection records and joint measures turns into the 1-year ban, all in one transaction (outbox).
 */
@Injectable()
export class RevokePermitHandler {
  private readonly authorities: readonly IssuingAuthority[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Optional() @Inject(ISSUING_AUTHORITY_TABLE) authorities?: readonly IssuingAuthority[],
  ) {
    this.authorities = authorities ?? ISSUING_AUTHORITIES;
  }

  async execute(principal: Principal, command: RevokePermitCommand, now = new Date()): Promise<PermitView> {
    assertScope(principal, Scopes.PermitsWrite);
    const violations = revocationViolations(command.reason);
    if (violations.length > 0) {
      throw DomainError.validation(
        ApplicationErrorCode.InvalidRevocation,
        violations.map((v) => ({ field: v.field, message: v.reason })),
      );
    }
    return this.dataSource.transaction((manager) => this.revoke(manager, principal, { ...command, reason: command.reason!.trim() }, now));
  }

  private async revoke(manager: EntityManager, principal: Principal, command: RevokePermitCommand & { reason: string }, now: Date): Promise<PermitView> {
    const permit = await findPermit(manager, command.permitNo, true);
    if (!permit || !isWithinRegion(principal, permit.region)) {
      throw DomainError.notFound(ApplicationErrorCode.PermitNotFound, `No permit ${command.permitNo} issued by this client's region.`);
    }
    if (permit.revocation) throw DomainError.conflict(ApplicationErrorCode.AlreadyRevoked, `Permit ${permit.permitNo} was revoked already.`);
    const revocation = { reason: command.reason, falseMaterials: command.falseMaterials, revokedBy: principal.clientId, revokedAt: now.toISOString() };
    await recordRevocation(manager, permit.permitNo, revocation);
    const envelope = { subjectId: permit.carrierUscc, region: permit.region, occurredAt: now };
    await this.outbox.append(manager, Events.PermitRevoked, {
      ...envelope,
      data: {
        permitNo: permit.permitNo,
        applicationId: permit.applicationId,
        carrierUscc: permit.carrierUscc,
        reason: revocation.reason,
        revokedBy: revocation.revokedBy,
        revokedAt: revocation.revokedAt,
      },
    });
    if (command.falseMaterials) await this.announceFalseMaterials(manager, permit, revocation.reason, now);
    return { ...permit, revocation };
  }

  private async announceFalseMaterials(manager: EntityManager, permit: PermitView, reason: string, now: Date): Promise<void> {
    const authority = issuingAuthorityOf(this.authorities, permit.region);
    if (!authority) {
      throw DomainError.conflict(ApplicationErrorCode.NoIssuingAuthority, `No issuing authority is configured for region ${permit.region}.`);
    }
    const draft = await findApplicationDraft(manager, permit.applicationId);
    const data = falseMaterialsViolation({
      permitNo: permit.permitNo,
      region: permit.region,
      carrier: { uscc: permit.carrierUscc, name: permit.carrierName },
      tractorPlate: permit.vehicle.tractorPlate,
      plateColour: draft ? plateColoursOf(draft.vehicle).tractor : 'yellow',
      reason,
      authority: { name: authority.name, uscc: authority.uscc },
      revokedAt: now.toISOString(),
    });
    await this.outbox.append(manager, Events.PermitViolationDetected, { subjectId: permit.carrierUscc, region: permit.region, occurredAt: now, data });
  }
}
