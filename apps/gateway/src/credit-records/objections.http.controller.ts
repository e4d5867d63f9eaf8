import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { collectionV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { ResolveObjectionDto } from './objection.dto';
import { ObjectionBody, toObjectionBody } from './objection.mapper';

/** Objections (异议): read one; the providing unit resolves it. Opening one is POST /credit-records/{id}/objections. */
@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/objections')
export class ObjectionsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get(':id')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'One objection: status, due date, whether overdue, and its resolution' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ObjectionBody> {
    const result = await this.upstreams.objections.getObjection({ objectionId: id }, { principal });
    return toObjectionBody(result.objection);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The providing unit resolves an objection: upheld (with a correction, or revoking the record) or rejected' })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ResolveObjectionDto): Promise<ObjectionBody> {
    const c = body.correction;
    const correction: collectionV1.RecordCorrection | undefined = c
      ? {
          severity: c.severity,
          decisionDate: c.decisionDate,
          documentNumber: c.documentNumber,
          subjectName: c.subjectName,
          payloadJson: c.payload ? JSON.stringify(c.payload) : undefined,
        }
      : undefined;
    const result = await this.upstreams.objections.resolveObjection({ objectionId: id, outcome: body.outcome, note: body.note, correction }, { principal });
    return toObjectionBody(result.objection);
  }
}
