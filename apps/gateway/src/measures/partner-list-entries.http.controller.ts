import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { PartnerEntryImports } from '../exchange/application/partner-entry-imports';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { markReplayed } from '../http/idempotency-key';
import { Upstreams } from '../upstreams';
import { ImportPartnerEntryDto } from './list-entry.dto';
import { ListEntryBody, toListEntryBody } from './list-entry.mapper';

/**
 * Partner regions push the list entries they decided (Suzhou, Wuxi, Changzhou and Nantong share
 * key-watch lists, DOMAIN.md §4) through the exchange API (issue 20 item 1, ADR 0067). An entry is
 * stored with its provenance and applied here only under the recognition agreement with its
 * sender; otherwise it is stored as not applied. A partner speaks only for its own region: an entry
 * naming another region (its `region` or `provenance.partnerRegion`) is refused, 403
 * EXCHANGE.PROVINCE_NOT_SENDER. The sender reads its entries back and withdraws them.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/list-entries')
export class PartnerListEntriesHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly imports: PartnerEntryImports,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({
    summary:
      'Send a list entry decided in the partner region, with its provenance; applied here only under the recognition agreement (`recognition`), else stored as not-applied. Without endsOn it lasts the agreement’s maximum term. The same partner reference again with the same content or an older version returns the entry held (200, Idempotent-Replayed); with a higher `version` it updates the entry held (200: another term, the agreement checked again; in force again after the partner withdrew it); other content without a higher version: 409 LIST_ENTRY.REFERENCE_REUSED; an entry removed here for our own reason: 409 LIST_ENTRY.REMOVED_HERE; 403 EXCHANGE.PROVINCE_NOT_SENDER when it names another region',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ImportPartnerEntryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListEntryBody> {
    const result = await this.imports.import(principal, {
      listType: body.listType,
      subject: body.subject,
      region: body.region,
      grounds: body.grounds,
      provenance: { ...body.provenance },
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      version: body.version,
    });
    // 201 only for a new entry: a replay, and a newer version applied to the entry held, answer 200.
    if (result.replayed || result.change === 'updated' || result.change === 'restored') response.status(200);
    markReplayed(response, result.replayed);
    const entry = toListEntryBody(result.entry);
    response.setHeader('Location', `/exchange/v1/list-entries/${entry.id}`);
    return entry;
  }

  @Get()
  @RequireScope(Scopes.ExchangeRead)
  @ApiQuery({ name: 'state', required: false, enum: ['applied', 'not-applied', 'withdrawn'] })
  @ApiOperation({ summary: 'The entries this partner sent, newest first, each with whether it applies here and why' })
  async list(@CurrentPrincipal() principal: Principal, @Query('state') state: unknown): Promise<{ items: ListEntryBody[] }> {
    const result = await this.upstreams.listEntries.listPartnerEntries(
      { entryId: '', state: typeof state === 'string' ? state : '', sourceReference: '' },
      { principal },
    );
    return { items: result.entries.map(toListEntryBody) };
  }

  @Get(':id')
  @RequireScope(Scopes.ExchangeRead)
  @ApiOperation({ summary: 'One entry this partner sent (404 LIST_ENTRY.NOT_FOUND for another sender’s)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ListEntryBody> {
    const result = await this.upstreams.listEntries.listPartnerEntries({ entryId: id, state: '', sourceReference: '' }, { principal });
    return toListEntryBody(result.entries[0]);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({ summary: 'Withdraw an entry this partner sent: removed here (partner-withdrawn) and no longer published; again: the same answer' })
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<ListEntryBody> {
    const result = await this.upstreams.listEntries.withdrawPartnerEntry({ entryId: id, reason: '' }, { principal });
    markReplayed(response, result.replayed);
    return toListEntryBody(result.entry);
  }
}

/** Admins review what partners sent, e.g. the entries no agreement applies (`?state=not-applied`). */
@ApiTags('joint-measures')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/partner-list-entries')
export class PartnerListEntriesAdminHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.Admin)
  @ApiQuery({ name: 'state', required: false, enum: ['applied', 'not-applied', 'withdrawn'] })
  @ApiOperation({ summary: 'Entries partner regions sent, with provenance and whether (and why not) they apply here' })
  async list(@CurrentPrincipal() principal: Principal, @Query('state') state: unknown): Promise<{ items: ListEntryBody[] }> {
    const result = await this.upstreams.listEntries.listPartnerEntries(
      { entryId: '', state: typeof state === 'string' ? state : '', sourceReference: '' },
      { principal },
    );
    return { items: result.entries.map(toListEntryBody) };
  }
}
