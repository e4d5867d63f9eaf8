import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PutRecognitionTableDto, RecognitionTableVersionParamDto } from './grade-recognition.dto';
import {
  RecognitionTableVersionBody,
  RecognitionTableVersionsBody,
  toRecognitionTableVersionBody,
  toRecognitionTableVersionsBody,
} from './grade-recognition.mapper';

/**
 * Mutual recognition tables (信用等级互认) as versioned data, for admin clients (ADR 0049): the
 * versions in force, one stored version, and uploading a new one — checked by evaluation for shape
 * and for every reference, like joint measures' configuration (ConfigurationAdminHttpController).
 */
@ApiTags('configuration')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/admin/grade-recognition-tables')
export class GradeRecognitionTablesAdminHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'The recognition tables in force, each with its version and who uploaded it (platform:shipped: shipped with the build)' })
  async list(@CurrentPrincipal() principal: Principal): Promise<RecognitionTableVersionsBody> {
    return toRecognitionTableVersionsBody(await this.upstreams.gradeRecognition.listRecognitionTables({}, { principal }));
  }

  @Get(':id/versions/:version')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'One stored version of a recognition table (0: the one in force)' })
  async version(@CurrentPrincipal() principal: Principal, @Param() params: RecognitionTableVersionParamDto): Promise<RecognitionTableVersionBody> {
    const { table } = await this.upstreams.gradeRecognition.getRecognitionTable({ tableId: params.id, version: params.version }, { principal });
    return toRecognitionTableVersionBody(table);
  }

  @Put(':id')
  @RequireScope(Scopes.Admin)
  @ApiOperation({
    summary:
      'Upload a new version, in force at once. Refused whole, nothing stored: 400 RECOGNITION.INVALID when malformed (or a partner grade unmapped or mapped twice), 422 CONFIG.DANGLING_REFERENCE naming each reference that points at nothing (a scheme not in force, a ladder other than the scheme’s, an unknown ladder, a grade off its ladder, a region that is not a GB/T 2260 code); 403 RECOGNITION.REGION_FORBIDDEN when the table’s scheme grades a region outside the caller’s',
  })
  async put(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: PutRecognitionTableDto): Promise<RecognitionTableVersionBody> {
    const { table } = await this.upstreams.gradeRecognition.putRecognitionTable(
      { tableId: id, documentJson: JSON.stringify(body.document), basedOnVersion: body.basedOnVersion ?? 0 },
      { principal },
    );
    return toRecognitionTableVersionBody(table);
  }
}
