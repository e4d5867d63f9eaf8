import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { ConfigurationVersionParamDto, UploadConfigurationDto } from './configuration.dto';
import { ConfigurationBody, toConfigurationBody } from './configuration.mapper';

type Kind = 'measure-mappings' | 'draw-plans' | 'entry-rules';

const UPLOAD =
  'Upload a new version, in force at once. Refused whole: 400 when malformed, 422 CONFIG.DANGLING_REFERENCE naming each reference that points at nothing (scheme grade, list type, record type, sector, region); an item naming a scheme not published yet is accepted as pending';

/**
 * Joint measures' versioned configuration for admin clients (ADR 0043): measure mappings, draw
 * plans and entry rules, each item with its status against the schemes evaluation has published.
 */
@ApiTags('configuration')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/admin')
export class ConfigurationAdminHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('measure-mappings')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'The measure mappings in force, each active, pending (with the schemes it waits for) or invalid (with what dangles)' })
  mappings(@CurrentPrincipal() principal: Principal): Promise<ConfigurationBody> {
    return this.get(principal, 'measure-mappings', 0);
  }

  @Get('measure-mappings/versions/:version')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'One version of the measure mappings, checked against the schemes published now' })
  mappingsVersion(@CurrentPrincipal() principal: Principal, @Param() params: ConfigurationVersionParamDto): Promise<ConfigurationBody> {
    return this.get(principal, 'measure-mappings', params.version);
  }

  @Put('measure-mappings')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: `Measure mappings (with the measures they name): ${UPLOAD}` })
  uploadMappings(@CurrentPrincipal() principal: Principal, @Body() body: UploadConfigurationDto): Promise<ConfigurationBody> {
    return this.upload(principal, 'measure-mappings', body);
  }

  @Get('draw-plans')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'The inspection draw plans in force, each active, pending or invalid' })
  plans(@CurrentPrincipal() principal: Principal): Promise<ConfigurationBody> {
    return this.get(principal, 'draw-plans', 0);
  }

  @Get('draw-plans/versions/:version')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'One version of the draw plans, checked against the schemes published now' })
  plansVersion(@CurrentPrincipal() principal: Principal, @Param() params: ConfigurationVersionParamDto): Promise<ConfigurationBody> {
    return this.get(principal, 'draw-plans', params.version);
  }

  @Put('draw-plans')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: `Draw plans: ${UPLOAD}` })
  uploadPlans(@CurrentPrincipal() principal: Principal, @Body() body: UploadConfigurationDto): Promise<ConfigurationBody> {
    return this.upload(principal, 'draw-plans', body);
  }

  @Get('entry-rules')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'The entry rules in force (version 0: the shipped ones), each active, pending or invalid' })
  rules(@CurrentPrincipal() principal: Principal): Promise<ConfigurationBody> {
    return this.get(principal, 'entry-rules', 0);
  }

  @Get('entry-rules/versions/:version')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'One version of the entry rules (0: the shipped ones), checked against the schemes published now' })
  rulesVersion(@CurrentPrincipal() principal: Principal, @Param() params: ConfigurationVersionParamDto): Promise<ConfigurationBody> {
    return this.get(principal, 'entry-rules', params.version);
  }

  @Put('entry-rules')
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: `Entry rules: ${UPLOAD}` })
  uploadRules(@CurrentPrincipal() principal: Principal, @Body() body: UploadConfigurationDto): Promise<ConfigurationBody> {
    return this.upload(principal, 'entry-rules', body);
  }

  private async get(principal: Principal, kind: Kind, version: number): Promise<ConfigurationBody> {
    const { configuration } = await this.upstreams.configuration.getConfiguration({ kind, version }, { principal });
    return toConfigurationBody(configuration);
  }

  private async upload(principal: Principal, kind: Kind, body: UploadConfigurationDto): Promise<ConfigurationBody> {
    const { configuration } = await this.upstreams.configuration.uploadConfiguration(
      { kind, documentJson: JSON.stringify(body.document), basedOnVersion: body.basedOnVersion ?? 0 },
      { principal },
    );
    return toConfigurationBody(configuration);
  }
}
