import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { isAppealId, ownsScheme } from '../domain/appeal';
import { AppealErrorCode } from '../domain/appeal-errors';
import { GradeAppealRow, GradeAppealsRepository } from '../infrastructure/grade-appeals.repository';

/**
 * One appeal, for the subject's region's clients (scope records:write or evaluations:read, region
 * covering the contested standing's) and for the scheme's owner. Anyone else reads it as absent
 * (404 APPEAL.NOT_FOUND): existence is not leaked across regions (ADR 0041).
 */
@Injectable()
export class GetAppealHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, appealId: string): Promise<GradeAppealRow> {
    if (![Scopes.RecordsWrite, Scopes.EvaluationsRead, Scopes.Admin].some((scope) => hasScope(principal, scope))) {
      throw new DomainError(PlatformErrorCode.InsufficientScope, 'forbidden', 'The client lacks a scope that reads grade appeals.');
    }
    const manager = this.dataSource.manager;
    const appeal = isAppealId(appealId) ? await GradeAppealsRepository.find(manager, appealId) : undefined;
    if (!appeal || !(await visibleTo(manager, principal, appeal))) throw DomainError.notFound(AppealErrorCode.NotFound, `No grade appeal ${appealId}.`);
    return appeal;
  }
}

async function visibleTo(manager: EntityManager, principal: Principal, appeal: GradeAppealRow): Promise<boolean> {
  if (isWithinRegion(principal, appeal.region)) return true;
  if (!hasScope(principal, Scopes.Admin)) return false;
  return ownsScheme(principal, await GradeAppealsRepository.schemeRegions(manager, appeal.schemeId));
}
