import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Scopes } from '@platform/auth';
import { ClientRateLimitGuard } from '../../http/rate-limit.guards';
import { ClientPage, ClientRegistry, ClientView, ClientWithSecret } from '../application/client-registry';
import { JwtAuthGuard, RequireScope, ScopeGuard } from './auth.guards';
import { ListClientsQueryDto, RegisterClientDto } from './client-admin.dto';

/**
 * Client administration for ops (ADR 0041): register integrator, partner and admin clients with
 * their scopes and region, rotate a secret, disable a client. The secret is in the answer to
 * registration and rotation only, never stored in clear and never listed. Platform-wide: the
 * admin scope is required, the admin's own region does not bound it. Every call is a write in
 * the audit log (AuditMiddleware), refused ones included.
 */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@RequireScope(Scopes.Admin)
@Controller('api/v1/admin/clients')
export class ClientAdminHttpController {
  constructor(private readonly registry: ClientRegistry) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Register a client; the answer carries its secret, shown this once (409 CLIENT.DUPLICATE when the id is taken)' })
  async register(@Body() body: RegisterClientDto, @Res({ passthrough: true }) response: Response): Promise<ClientWithSecret> {
    const client = await this.registry.register(body);
    response.setHeader('Location', `/api/v1/admin/clients/${client.clientId}`);
    return client;
  }

  @Get()
  @ApiOperation({ summary: 'Clients by id, without secrets' })
  list(@Query() query: ListClientsQueryDto): Promise<ClientPage> {
    return this.registry.list(query.cursor ?? '', query.limit ?? 50);
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One client, without its secret' })
  get(@Param('clientId') clientId: string): Promise<ClientView> {
    return this.registry.get(clientId);
  }

  @Post(':clientId/rotation')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new secret, shown this once; the old one is refused from now on (its tokens run to their expiry)' })
  rotate(@Param('clientId') clientId: string): Promise<ClientWithSecret> {
    return this.registry.rotateSecret(clientId);
  }

  @Post(':clientId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a client: no new token, and its tokens already issued are refused (at once here, within seconds on every replica)' })
  disable(@Param('clientId') clientId: string): Promise<ClientView> {
    return this.registry.disable(clientId);
  }
}
