import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { evaluationV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PutEvaluationSchemeDto, SchemeVersionQueryDto } from './evaluation-scheme.dto';

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
    return this.upstreams.evaluationSchemes.unary('listSchemes', {}, { principal });
  }

  @Get(':id')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'One version of a scheme (the active one unless ?version=)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: SchemeVersionQueryDto) {
    const { documentJson, ...version } = await this.upstreams.evaluationSchemes.unary<evaluationV1.GetSchemeRequest, evaluationV1.GetSchemeResponse>(
      'getScheme',
      { id, version: query.version ?? 0 },
      { principal },
    );
    return { ...version, document: JSON.parse(documentJson) as unknown };
  }

  @Put(':id')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'Upload a new version (refused whole, with every problem located, if it does not compile); publish to make it active' })
  put(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: PutEvaluationSchemeDto): Promise<evaluationV1.PutSchemeResponse> {
    return this.upstreams.evaluationSchemes.unary(
      'putScheme',
      { id, documentJson: JSON.stringify(body.document), publish: body.publish ?? false, basedOnVersion: body.basedOnVersion ?? 0 },
      { principal },
    );
  }
}
