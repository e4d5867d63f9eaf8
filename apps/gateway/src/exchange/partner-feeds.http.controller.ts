import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { PartnerFeeds } from './application/partner-feeds';
import { PartnerFeedStore } from './infrastructure/partner-feed-store';

const DEAD_LETTERS_PAGE = 200;

/**
 * What the puller did with each partner's feed (ADR 0080), for admins: where each cursor stands
 * and why the last attempt failed, and the changes it could not apply, with the reason.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/admin/partner-feeds')
export class PartnerFeedsAdminHttpController {
  constructor(
    private readonly feeds: PartnerFeeds,
    private readonly store: PartnerFeedStore,
  ) {}

  @Get()
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'The partner feeds this deployment follows: cursor, partner head, last page applied, last failure (refused page, partner down)' })
  async list(): Promise<{ province: string; items: object[] }> {
    const states = new Map((await this.store.cursors()).map((s) => [s.partnerRegion, s]));
    return {
      province: this.feeds.ownProvince,
      items: this.feeds.all.map((feed) => {
        const { partnerRegion: _region, ...state } = states.get(feed.region) ?? {
          partnerRegion: feed.region,
          cursor: null,
          head: null,
          pagesApplied: 0,
          lastAppliedAt: null,
          caughtUpAt: null,
          lastFailure: null,
          lastFailureAt: null,
        };
        return { partnerRegion: feed.region, baseUrl: feed.baseUrl, pollIntervalSeconds: feed.pollIntervalSeconds, ...state };
      }),
    };
  }

  @Get('dead-letters')
  @RequireScope(Scopes.Admin)
  @ApiQuery({ name: 'partner', required: false, description: 'A followed partner region (GB/T 2260)' })
  @ApiOperation({ summary: 'Partner feed changes not applied (invalid, refused here, or outside the agreement), newest first, with the reason' })
  async deadLetters(@Query('partner') partner: unknown): Promise<{ items: object[] }> {
    if (partner !== undefined && (typeof partner !== 'string' || !this.feeds.all.some((f) => f.region === partner)))
      throw DomainError.validation('REQUEST.INVALID', [{ field: 'partner', message: 'not a partner region this deployment follows' }]);
    return { items: await this.store.deadLetters(partner as string | undefined, DEAD_LETTERS_PAGE) };
  }
}
