import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { disclosureV1 } from '@contracts';
import { PublicRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PublicProfiles } from './public-profiles';
import { toVerifiedCreditReportBody, VerifiedCreditReportBody } from './credit-report.mapper';
import { PublicationEntriesBody, toPublicationEntriesBody } from './publication-log.mapper';

/** Anyone may read: no token, rate limited per address. */
@ApiTags('public')
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller('public/v1')
export class PublicSubjectsHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly profiles: PublicProfiles,
  ) {}

  @Get('subjects')
  @ApiOperation({ summary: 'Search enterprises by part of the name (Chinese) or by USCC; at most 20 results' })
  @ApiQuery({ name: 'q', required: true, description: 'A USCC, or 1 to 50 characters of the name' })
  search(@Query('q') q: unknown): Promise<disclosureV1.SearchSubjectsResponse> {
    // Repeated ?q= arrives as an array: search for the first; anything longer is refused by disclosure.
    const text = Array.isArray(q) ? String(q[0] ?? '') : typeof q === 'string' ? q : '';
    return this.upstreams.publicSearch.searchSubjects({ q: text.slice(0, 200) });
  }

  @Get('lists/:listType')
  @ApiOperation({ summary: 'A published list (red, key-watch, severe-dishonesty, bad-driver): entries in force today, individuals masked' })
  @ApiQuery({ name: 'cursor', required: false })
  list(@Param('listType') listType: string, @Query('cursor') cursor: unknown): Promise<disclosureV1.GetPublicListResponse> {
    const text = typeof cursor === 'string' && /^\d{1,6}$/.test(cursor) ? cursor : cursor === undefined ? '' : '-1';
    return this.upstreams.publicLists.getPublicList({ listType: listType.slice(0, 40), cursor: text });
  }

  @Get('publication-log')
  @ApiOperation({ summary: 'Whether the publication hash chain is intact: its length, head hash, and the first broken entry if any' })
  verifyPublicationLog(): Promise<disclosureV1.VerifyPublicationLogResponse> {
    return this.upstreams.publicationLog.verifyPublicationLog({});
  }

  @Get('publication-log/items/:publicationId')
  @ApiOperation({ summary: 'When an item was published, corrected, withdrawn or expired: its hash-chained log entries' })
  async publicationEntries(@Param('publicationId') publicationId: string): Promise<PublicationEntriesBody> {
    const entries = await this.upstreams.publicationLog.listPublicationEntries({
      publicationId: publicationId.slice(0, 64),
    });
    return toPublicationEntriesBody(entries);
  }

  @Get('subjects/:uscc/report')
  @ApiOperation({ summary: 'Credit report (PDF) of the profile as of now, with a verification code (also in the X-Report-Code header)' })
  async report(@Param('uscc') uscc: string, @Res() response: Response): Promise<void> {
    const report = await this.upstreams.creditReports.issueCreditReport({ uscc: uscc.slice(0, 64) });
    response
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="credit-report-${report.code}.pdf"`)
      .setHeader('X-Report-Code', report.code)
      .setHeader('X-Content-Hash', report.contentHash)
      .setHeader('Cache-Control', 'no-store')
      .send(Buffer.from(report.pdf));
  }

  @Get('reports/:code')
  @ApiOperation({ summary: 'Verify a credit report by its code: who, when, what it showed, and its hash' })
  async verifyReport(@Param('code') code: string): Promise<VerifiedCreditReportBody> {
    const verified = await this.upstreams.creditReports.verifyCreditReport({
      code: code.slice(0, 64),
    });
    return toVerifiedCreditReportBody(verified);
  }

  @Get('subjects/:uscc')
  @ApiOperation({
    summary: 'Public profile of an enterprise by USCC (GetSubjectProfileResponse)',
    description: 'Cached by the gateway and dropped the moment disclosure commits a change (ADR 0030). ETag / If-None-Match: 304 when unchanged.',
  })
  async profile(@Param('uscc') uscc: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: Response): Promise<void> {
    const profile = await this.profiles.get(uscc.slice(0, 64));
    // Browsers and shared caches must ask again every time (a withdrawn item must vanish at once);
    // the ETag makes asking cheap.
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', profile.etag);
    if (ifNoneMatch === profile.etag) {
      response.status(304).end();
      return;
    }
    response.status(200).type('application/json').send(profile.body);
  }
}
