import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { markReplayed } from '../http/idempotency-key';
import { Upstreams } from '../upstreams';
import { ImportPartnerEntryDto } from './list-entry.dto';
import { ListEntryBody, toListEntryBody } from './list-entry.mapper';

/**
 * Partner regions push the list entries they decided (Suzhou, Wuxi, Changzhou and Nantong share
 * key-watch lists, DOMAIN.md §4) through the exchange API. Scope `exchange:write`; a
 * partner speaks only for regions within its own (joint measures re-checks the provenance region).
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/list-entries')
export class PartnerListEntriesHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({
    summary:
      'Import a list entry decided in a partner region, with its provenance; in force here at once. The same partner reference again returns the first import (200, Idempotent-Replayed)',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ImportPartnerEntryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListEntryBody> {
    const result = await this.upstreams.listEntries.importPartnerEntry(
      {
        listType: body.listType,
        subject: { kind: body.subject.kind, id: body.subject.id, name: body.subject.name },
        region: body.region ?? '',
        grounds: body.grounds ?? '',
        provenance: { ...body.provenance },
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? '',
      },
      { principal },
    );
    if (result.replayed) response.status(200);
    markReplayed(response, result.replayed);
    const entry = toListEntryBody(result.entry);
    response.setHeader('Location', `/api/v1/subjects/${encodeURIComponent(entry.subject?.id ?? '')}/list-entries`);
    return entry;
  }
}
