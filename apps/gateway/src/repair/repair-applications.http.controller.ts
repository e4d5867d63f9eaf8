import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { SubjectScope } from '../http/subject-scope';
import { Upstreams } from '../upstreams';
import { ApplyForRepairDto, DecideRepairApplicationDto, RepairFiguresQueryDto, RevokeRepairApplicationDto } from './repair-application.dto';
import { RepairApplicationBody, toRepairApplicationBody } from './repair-application.mapper';

/** The month's repair figures per deciding unit (the median is null without decisions). */
interface RepairFiguresBody {
  region: string;
  month: string;
  units: {
    decidingRegion: string;
    applications: number;
    approved: number;
    rejected: number;
    overdue: number;
    medianWorkingDaysToDecision: number | null;
  }[];
}

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
};

/**
 * Credit repair (信用修复, DOMAIN.md §5): a subject's integrator applies for one record; the
 * record's deciding authority (谁认定、谁修复: a client whose region covers the record's) sees its
 * queue and decides. Repair checks scopes, eligibility and regions again.
 */
@ApiTags('repair')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1')
export class RepairApplicationsHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly subjects: SubjectScope,
  ) {}

  @Post('repair-applications')
  @HttpCode(201)
  @RequireScope(Scopes.RecordsWrite)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary: 'Apply for the repair of a record with a public credit commitment; 422 names the unmet condition (e.g. the date the minimum period ends)',
  })
  async apply(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ApplyForRepairDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RepairApplicationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.repairApplications.applyForRepair(
      { recordId: body.target, commitment: body.commitment, evidence: body.evidence ?? [], idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toRepairApplicationBody(result.application);
  }

  @Get('repair-applications')
  @RequireScope(Scopes.RecordsWrite)
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'forwarded', 'approved', 'rejected', 'revoked'] })
  @ApiOperation({ summary: "The deciding unit's queue: applications on records of its region, oldest due first, overdue marked" })
  async list(@CurrentPrincipal() principal: Principal, @Query('status') status: string | undefined): Promise<{ items: RepairApplicationBody[] }> {
    const result = await this.upstreams.repairApplications.listRepairApplications({ status: status ?? '' }, { principal });
    return { items: (result.applications ?? []).map(toRepairApplicationBody) };
  }

  @Post('repair-applications/:applicationId/decision')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "The deciding authority's decision; approved ends the record's publication (repair.records.repaired)" })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId') applicationId: string,
    @Body() body: DecideRepairApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RepairApplicationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.repairApplications.decideRepairApplication(
      { applicationId, outcome: body.outcome, reason: body.reason, idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toRepairApplicationBody(result.application);
  }

  @Post('repair-applications/:applicationId/revocation')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary:
      'The deciding authority revokes an approved repair obtained with a false commitment: the record is back in force (repair.records.repair-revoked) and the subject may not apply again for a period',
  })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId') applicationId: string,
    @Body() body: RevokeRepairApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RepairApplicationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.repairApplications.revokeRepairApplication(
      { applicationId, reason: body.reason, idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toRepairApplicationBody(result.application);
  }

  @Get('reports/repairs')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'Monthly figures per deciding unit: applications, approved, rejected, overdue, median working days to decision' })
  async figures(@CurrentPrincipal() principal: Principal, @Query() query: RepairFiguresQueryDto): Promise<RepairFiguresBody> {
    const report = await this.upstreams.repairReports.getRepairFigures({ region: query.region ?? '', month: query.month }, { principal });
    return {
      region: report.region,
      month: report.month,
      units: (report.units ?? []).map((u) => ({
        decidingRegion: u.decidingRegion,
        applications: u.applications,
        approved: u.approved,
        rejected: u.rejected,
        overdue: u.overdue,
        medianWorkingDaysToDecision: u.hasMedian ? u.medianWorkingDaysToDecision : null,
      })),
    };
  }

  @Get('subjects/:subjectId/repair-reminders')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "For each of the subject's published repairable records: the earliest repair date and the mode" })
  async reminders(@CurrentPrincipal() principal: Principal, @Param('subjectId') subjectId: string): Promise<{ subjectId: string; items: object[] }> {
    // The region rule (ADR 0041): 404 SUBJECT.NOT_FOUND outside the caller's view, as on every subject read
    // (found by the authorization matrix: a Xinxiang subject answered a Zhengzhou client 200 with no items).
    // A partner province's record about an enterprise registered here is in no region of ours: repair
    // answers it to this region's callers (the repair is applied for here), so an answer with items is in view.
    const result = await this.subjects.read(
      principal,
      subjectId,
      () => this.upstreams.repairReminders.getRepairReminders({ subjectId }, { principal }),
      (answer) => (answer.reminders ?? []).length > 0,
    );
    return { subjectId: result.subjectId, items: result.reminders ?? [] };
  }
}
