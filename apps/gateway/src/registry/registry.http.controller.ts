import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { collectionV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CarrierSubjectsQueryDto, PutDriverDto, PutEnterpriseDto, PutVehicleDto, PutVesselDto } from './registry.dto';
import { CarrierSubjectsBody, PutRegistrationBody, RegistrationBody, toCarrierSubjectsBody, toRegistrationBody } from './registry.mapper';

type Kind = 'enterprise' | 'vehicle' | 'driver' | 'vessel';

const IDEMPOTENT_PUT =
  'A retried key returns the first answer; the key with another body is refused (422). Without a key a PUT is still idempotent by content: the same registration again answers `unchanged`, with no new revision and no event.';

/**
 * The subject registry (主体库, collection; ADR 0042). Writes need records:write, reads
 * records:read; both are limited to the caller's region (the subject's region must lie inside it).
 * A driver's citizen ID is accepted whole in the path and never answered unmasked.
 */
@ApiTags('registry')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/registry')
export class RegistryHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Put('enterprises/:uscc')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Register or change an enterprise: name, region, licences (sectors from their business scope), registration date, credit status' })
  @ApiParam({ name: 'uscc', description: 'Unified social credit code (GB 32100-2015)', example: '91410100MA44A1B2C3' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENT_PUT })
  @ApiOkResponse({ description: '200 changed or unchanged, 201 created: { registration, outcome }' })
  putEnterprise(
    @CurrentPrincipal() principal: Principal,
    @Param('uscc') uscc: string,
    @Body() body: PutEnterpriseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PutRegistrationBody> {
    return this.put(principal, 'enterprise', uscc, body, idempotencyKey, response);
  }

  @Get('enterprises/:uscc')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'An enterprise with its licences (each marked in force or not today) and sectors' })
  getEnterprise(@CurrentPrincipal() principal: Principal, @Param('uscc') uscc: string): Promise<RegistrationBody> {
    return this.get(principal, 'enterprise', uscc);
  }

  @Get('enterprises/:uscc/vehicles')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "A carrier's vehicles (drill-down), in the caller's region, by plate" })
  carrierVehicles(
    @CurrentPrincipal() principal: Principal,
    @Param('uscc') uscc: string,
    @Query() query: CarrierSubjectsQueryDto,
  ): Promise<CarrierSubjectsBody> {
    return this.carrierSubjects(principal, uscc, 'vehicle', query);
  }

  @Get('enterprises/:uscc/drivers')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "A carrier's drivers (drill-down), in the caller's region; citizen IDs masked" })
  carrierDrivers(@CurrentPrincipal() principal: Principal, @Param('uscc') uscc: string, @Query() query: CarrierSubjectsQueryDto): Promise<CarrierSubjectsBody> {
    return this.carrierSubjects(principal, uscc, 'driver', query);
  }

  @Put('vehicles/:key')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Register or change a vehicle and its owning carrier' })
  @ApiParam({
    name: 'key',
    description: 'Plate and plate colour, "<plate>:<colour>" (URL-encoded), as vehicle subjects are named in records',
    example: '豫A12345:yellow',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENT_PUT })
  putVehicle(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body() body: PutVehicleDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PutRegistrationBody> {
    return this.put(principal, 'vehicle', key, body, idempotencyKey, response);
  }

  @Get('vehicles/:key')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'A vehicle' })
  @ApiParam({ name: 'key', description: '"<plate>:<colour>"', example: '豫A12345:yellow' })
  getVehicle(@CurrentPrincipal() principal: Principal, @Param('key') key: string): Promise<RegistrationBody> {
    return this.get(principal, 'vehicle', key);
  }

  @Put('drivers/:citizenId')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Register or change a driver: qualification, employer (the answer masks the citizen ID)' })
  @ApiParam({ name: 'citizenId', description: 'Citizen ID (GB 11643-1999, 18 characters)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENT_PUT })
  putDriver(
    @CurrentPrincipal() principal: Principal,
    @Param('citizenId') citizenId: string,
    @Body() body: PutDriverDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PutRegistrationBody> {
    return this.put(principal, 'driver', citizenId, body, idempotencyKey, response);
  }

  @Get('drivers/:citizenId')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'A driver, citizen ID masked (410***********1234)' })
  getDriver(@CurrentPrincipal() principal: Principal, @Param('citizenId') citizenId: string): Promise<RegistrationBody> {
    return this.get(principal, 'driver', citizenId);
  }

  @Put('vessels/:vesselId')
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'Register or change a vessel' })
  @ApiParam({ name: 'vesselId', description: 'Ship identification number (船舶识别号): CN and 11 digits', example: 'CN20161234567' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENT_PUT })
  putVessel(
    @CurrentPrincipal() principal: Principal,
    @Param('vesselId') vesselId: string,
    @Body() body: PutVesselDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PutRegistrationBody> {
    return this.put(principal, 'vessel', vesselId, body, idempotencyKey, response);
  }

  @Get('vessels/:vesselId')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'A vessel' })
  getVessel(@CurrentPrincipal() principal: Principal, @Param('vesselId') vesselId: string): Promise<RegistrationBody> {
    return this.get(principal, 'vessel', vesselId);
  }

  @Post('imports')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiConsumes('application/x-ndjson')
  @ApiOperation({
    summary:
      'Import up to 1,000 registrations as NDJSON, one `{ "kind": "enterprise|vehicle|driver|vessel", "key": "…", "registration": { …PUT body… } }` a line; answered line by line (created, updated, unchanged, rejected with reasons)',
  })
  importRegistrations(@CurrentPrincipal() principal: Principal, @Body() body: string): Promise<collectionV1.ImportRegistrationsResponse> {
    return this.upstreams.registry.importRegistrations({ ndjson: typeof body === 'string' ? body : '' }, { principal, deadlineMs: 30_000 });
  }

  private async put(
    principal: Principal,
    kind: Kind,
    key: string,
    body: object,
    idempotencyKey: string | undefined,
    response: Response,
  ): Promise<PutRegistrationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.registry.putRegistration(
      { kind, key, bodyJson: JSON.stringify(body), idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    if (result.outcome === 'created') response.status(201);
    return { registration: toRegistrationBody(result.registration), outcome: result.outcome };
  }

  private async get(principal: Principal, kind: Kind, key: string): Promise<RegistrationBody> {
    return toRegistrationBody((await this.upstreams.registry.getRegistration({ kind, key }, { principal })).registration);
  }

  private async carrierSubjects(principal: Principal, uscc: string, kind: 'vehicle' | 'driver', query: CarrierSubjectsQueryDto): Promise<CarrierSubjectsBody> {
    const result = await this.upstreams.registry.listCarrierSubjects({ uscc, kind, cursor: query.cursor ?? '', limit: query.limit ?? 0 }, { principal });
    return toCarrierSubjectsBody(result);
  }
}
