import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { evaluationV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { RecogniseGradeDto } from './grade-recognition.dto';
import { RecognitionTablesBody, toRecognitionTablesBody } from './grade-recognition.mapper';

/** Mutual recognition tables (信用等级互认): what a partner's grade counts as on our ladder. */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/grade-recognitions')
export class GradeRecognitionsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Recognition tables: partner ladder, our scheme and ladder, the mapping and its basis' })
  async list(@CurrentPrincipal() principal: Principal): Promise<RecognitionTablesBody> {
    return toRecognitionTablesBody(await this.upstreams.gradeRecognition.listRecognitionTables({}, { principal }));
  }

  @Post(':id/recognitions')
  @HttpCode(200)
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'What a partner grade counts as here, with the basis' })
  recognise(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: RecogniseGradeDto): Promise<evaluationV1.RecogniseGradeResponse> {
    return this.upstreams.gradeRecognition.recogniseGrade({ tableId: id, partnerGrade: body.grade }, { principal });
  }
}
