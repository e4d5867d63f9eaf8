import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { evaluationV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PutEvaluationSchemeDto, SchemeVersionQueryDto, SimulateEvaluationSchemeDto } from './evaluation-scheme.dto';
import { SchemeSimulationBody, SchemeVersionBody, toSchemeSimulationBody, toSchemeVersionBody } from './evaluation-scheme.mapper';

/** Evaluation schemes as versioned data (API.md "Evaluation"). */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/evaluation-schemes')
export class EvaluationSchemesHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Every scheme with its active and latest version' })
  list(@CurrentPrincipal() principal: Principal): Promise<evaluationV1.ListSchemesResponse> {
    return this.upstreams.evaluationSchemes.listSchemes({}, { principal });
  }

  @Get(':id')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'One version of a scheme (the active one unless ?version=)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: SchemeVersionQueryDto): Promise<SchemeVersionBody> {
    const version = await this.upstreams.evaluationSchemes.getScheme({ id, version: query.version ?? 0 }, { principal });
    return toSchemeVersionBody(version);
  }

  @Put(':id')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'Upload a new version (refused whole, with every problem located, if it does not compile); publish to make it active' })
  put(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: PutEvaluationSchemeDto): Promise<evaluationV1.PutSchemeResponse> {
    return this.upstreams.evaluationSchemes.putScheme(
      { id, documentJson: JSON.stringify(body.document), publish: body.publish ?? false, basedOnVersion: body.basedOnVersion ?? 0 },
      { principal },
    );
  }

  @Post(':id/simulations')
  @HttpCode(200)
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'What a draft would change now: subjects changing grade, direction, transitions, a sample with explanations. Nothing is stored' })
  async simulate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: SimulateEvaluationSchemeDto): Promise<SchemeSimulationBody> {
    const simulation = await this.upstreams.evaluationSchemes.simulateScheme(
      { id, documentJson: JSON.stringify(body.document) },
      // Grades every subject in scope twice: allowed longer than an ordinary call.
      { principal, deadlineMs: 60_000 },
    );
    return toSchemeSimulationBody(simulation);
  }
}
