import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { ApprovalErrorCode } from '../domain/approval-errors';
import { isEscalatedOverdue } from '../domain/approval';
import { findPendingApprovals } from '../infrastructure/province-approvals.repository';
import type { PendingApprovalView } from './pending-approval.view';

/** The approvals waiting for the caller's province (its partner client's region), oldest deadline first. */
@Injectable()
export class ListPendingApprovalsHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, query: { state: string }): Promise<PendingApprovalView[]> {
    assertScope(principal, Scopes.ExchangeRead);
    if (query.state !== 'pending') {
      throw DomainError.validation(ApprovalErrorCode.Invalid, [{ field: 'state', message: 'pending' }]);
    }
    const rows = await findPendingApprovals(this.dataSource.manager, principal.region);
    return rows.map((r) => ({
      applicationId: r.applicationId,
      originProvince: r.originProvince,
      province: r.province,
      state: 'pending',
      carrierUscc: r.carrierUscc,
      permitClass: r.permitClass,
      vehicle: r.draft.vehicle,
      cargo: r.draft.cargo,
      dimensions: r.draft.dimensions,
      origin: r.draft.route.origin,
      destination: r.draft.route.destination,
      segments: r.draft.route.segments.filter((s) => s.province === r.province),
      window: r.draft.window,
      deadline: r.deadline,
      overdue: isEscalatedOverdue('pending', r.escalatedAt),
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
    }));
  }
}
