import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import type { RepairConfig } from '../../repair.definition';
import { decisionViolations, isUuid, revocationViolations, revocationWatchUntil, type RepairOutcome } from '../domain/repair-application';
import { RepairApplicationErrorCode } from '../domain/repair-application-errors';
import { DueForward, RepairApplicationsRepository } from '../infrastructure/repair-applications.repository';
import { announceRepair } from './decide-repair-application.handler';
import { repairApplicationView, RepairApplicationView } from './repair-application.view';
import { revokeRepair } from './revoke-repair-application.handler';

const MAX_DUE = 100;
/** Longest wait the sender may ask for (a day): a forwarded application is never parked for good. */
const MAX_RETRY_MS = 86_400_000;

/**
 * The repair side of sending forwarded applications to the partner province that decides them
 * and bringing its answer back (ADR 0084). The gateway's forwarder (which holds the partner client,
 * ADR 0080) calls these as the partner: a principal of the partner's region with exchange:write,
 * so it reaches only the applications routed to that partner. The forwarded rows are the outbox:
 * due ones are listed, each send or answer check is noted with when it is next due, and the
 * partner's decision is applied exactly as a local one (an approval announces
 * `repair.records.repaired`, a rejection keeps its reason). An approval stays due, watched for the
 * partner's revocation of it, for REPAIR_PARTNER_REVOCATION_WATCH_DAYS (ADR 0088).
 */
@Injectable()
export class PartnerForwardingHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<RepairConfig, 'REPAIR_PARTNER_REVOCATION_WATCH_DAYS' | 'REPAIR_REVOCATION_BAR_MONTHS'>,
  ) {}

  async due(principal: Principal, limit: number): Promise<DueForward[]> {
    assertScope(principal, Scopes.ExchangeWrite);
    return RepairApplicationsRepository.forwardsDue(this.dataSource.manager, principal.region, new Date(), Math.min(Math.max(limit, 1), MAX_DUE));
  }

  /** A send or answer check done: the partner's id once it has it, or the failure; next due after `retryInMs`. */
  async progress(principal: Principal, input: { applicationId: string; partnerApplicationId: string; failure: string; retryInMs: number }): Promise<void> {
    assertScope(principal, Scopes.ExchangeWrite);
    await this.dataSource.transaction(async (manager) => {
      const application = await this.routedTo(manager, principal, input.applicationId);
      // Noted only while forwarded, or approved and watched (the repository's condition): otherwise nothing is due any more.
      const retryInMs = Math.min(Math.max(Math.floor(input.retryInMs), 0), MAX_RETRY_MS);
      await RepairApplicationsRepository.noteForward(manager, application.id, {
        partnerApplicationId: input.partnerApplicationId || null,
        failure: input.failure ? input.failure.slice(0, 2000) : null,
        nextAt: new Date(Date.now() + retryInMs),
      });
    });
  }

  /**
   * The partner's decision came back: approved or rejected with its reason, decided by the
   * partner's unit (`decidedBy` names the province and its client). Applied once: an answer to an
   * application no longer forwarded changes nothing and returns it as it stands.
   */
  async answer(
    principal: Principal,
    input: { applicationId: string; outcome: string; reason: string; decidedBy: string; decidedAt: string },
  ): Promise<RepairApplicationView> {
    assertScope(principal, Scopes.ExchangeWrite);
    const violations = decisionViolations(input);
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The answer is invalid; nothing was stored.');
    return this.dataSource.transaction(async (manager) => {
      const application = await this.routedTo(manager, principal, input.applicationId);
      const decidedAt = new Date();
      if (application.status === 'forwarded') {
        const decidedBy = `${principal.region}:${input.decidedBy || 'unknown'}`;
        const outcome = input.outcome as RepairOutcome;
        await RepairApplicationsRepository.decide(manager, application.id, { outcome, reason: input.reason, decidedBy, decidedAt });
        if (outcome === 'approved') {
          await announceRepair(this.outbox, manager, application, decidedBy, decidedAt, input.reason);
          const watchUntil = revocationWatchUntil(decidedAt, this.config.REPAIR_PARTNER_REVOCATION_WATCH_DAYS);
          await RepairApplicationsRepository.watchRevocation(manager, application.id, watchUntil);
        }
      }
      return repairApplicationView((await RepairApplicationsRepository.find(manager, application.id))!, chinaDateOf(decidedAt));
    });
  }

  /**
   * The partner revoked the repair it approved for us (its commitment was false, issue 19 item 8;
   * ADR 0088): revoked here too, as a local revocation is — the subject barred from applying again
   * for REPAIR_REVOCATION_BAR_MONTHS and what the repair ended restored (`revokedBy` names the
   * province and its client). Applied once: a revocation of an application not approved here
   * changes nothing and returns it as it stands.
   */
  async revocation(
    principal: Principal,
    input: { applicationId: string; reason: string; revokedBy: string; revokedAt: string },
  ): Promise<RepairApplicationView> {
    assertScope(principal, Scopes.ExchangeWrite);
    const violations = revocationViolations(input);
    if (violations.length > 0) throw DomainError.validation(RepairApplicationErrorCode.Invalid, violations, 'The revocation is invalid; nothing was stored.');
    return this.dataSource.transaction(async (manager) => {
      const application = await this.routedTo(manager, principal, input.applicationId);
      const revokedAt = new Date();
      if (application.status === 'approved') {
        await revokeRepair(this.outbox, manager, application, {
          reason: input.reason,
          revokedBy: `${principal.region}:${input.revokedBy || 'unknown'}`,
          revokedAt,
          barMonths: this.config.REPAIR_REVOCATION_BAR_MONTHS,
        });
      }
      return repairApplicationView((await RepairApplicationsRepository.find(manager, application.id))!, chinaDateOf(revokedAt));
    });
  }

  /** The application, locked, if it was routed to the caller's province; 404 otherwise. */
  private async routedTo(manager: Parameters<typeof RepairApplicationsRepository.find>[0], principal: Principal, applicationId: string) {
    const application = isUuid(applicationId) ? await RepairApplicationsRepository.find(manager, applicationId.toLowerCase(), { lock: true }) : undefined;
    if (!application || application.forwardedTo !== principal.region) {
      throw DomainError.notFound(RepairApplicationErrorCode.NotFound, `No repair application ${applicationId} routed to ${principal.region}.`);
    }
    return application;
  }
}
