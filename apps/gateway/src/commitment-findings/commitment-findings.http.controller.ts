import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CommitmentFindingsQueryDto, ConfirmCommitmentFindingDto, DismissCommitmentFindingDto } from './commitment-finding.dto';
import { CommitmentFindingBody, toCommitmentFindingBody } from './commitment-finding.mapper';

/**
 * Broken commitments the platform detected (issue 16): a finding is not published; the unit that
 * accepted the commitment confirms it with its own decision (then the commitment-broken record is
 * created and published) or dismisses it.
 */
@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/commitment-findings')
export class CommitmentFindingsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "A region's commitment findings (e.g. status=pending: the units' work list), oldest first" })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CommitmentFindingsQueryDto,
  ): Promise<{ findings: CommitmentFindingBody[]; nextCursor: string | null }> {
    const result = await this.upstreams.commitmentFindings.listCommitmentFindings(
      { status: query.status ?? '', region: query.region ?? '', limit: query.limit ?? 0, cursor: query.cursor ?? '' },
      { principal },
    );
    return { findings: result.findings.map(toCommitmentFindingBody), nextCursor: result.nextCursor || null };
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The accepting unit confirms a finding: the commitment-broken record is created with its decision and published (idempotent)' })
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ConfirmCommitmentFindingDto,
  ): Promise<{ finding: CommitmentFindingBody }> {
    const result = await this.upstreams.commitmentFindings.confirmCommitmentFinding(
      { findingId: id, documentNumber: body.documentNumber, decisionDate: body.decisionDate, severity: body.severity ?? '' },
      { principal },
    );
    return { finding: toCommitmentFindingBody(result.finding) };
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The accepting unit dismisses a finding, with the reason: nothing is published' })
  async dismiss(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DismissCommitmentFindingDto,
  ): Promise<{ finding: CommitmentFindingBody }> {
    const result = await this.upstreams.commitmentFindings.dismissCommitmentFinding({ findingId: id, reason: body.reason }, { principal });
    return { finding: toCommitmentFindingBody(result.finding) };
  }
}
