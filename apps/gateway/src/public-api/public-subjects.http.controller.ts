import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { disclosureV1 } from '@contracts';
import { PublicRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';

/** Anyone may read: no token, rate limited per address. */
@ApiTags('public')
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller('public/v1')
export class PublicSubjectsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('publication-log')
  @ApiOperation({ summary: 'Whether the publication hash chain is intact: its length, head hash, and the first broken entry if any' })
  verifyPublicationLog(): Promise<disclosureV1.VerifyPublicationLogResponse> {
    return this.upstreams.publicationLog.unary('verifyPublicationLog', {});
  }

  @Get('publication-log/items/:publicationId')
  @ApiOperation({ summary: 'When an item was published, corrected, withdrawn or expired: its hash-chained log entries' })
  async publicationEntries(@Param('publicationId') publicationId: string) {
    const { entries } = await this.upstreams.publicationLog.unary<disclosureV1.ListPublicationEntriesRequest, disclosureV1.ListPublicationEntriesResponse>('listPublicationEntries', {
      publicationId: publicationId.slice(0, 64),
    });
    return { entries: entries.map(({ contentJson, ...entry }) => ({ ...entry, content: JSON.parse(contentJson) as unknown })) };
  }

  @Get('subjects/:uscc')
  @ApiOperation({ summary: 'Public profile of an enterprise by USCC' })
  profile(@Param('uscc') uscc: string): Promise<disclosureV1.GetSubjectProfileResponse> {
    return this.upstreams.publicProfiles.unary('getSubjectProfile', { uscc: uscc.slice(0, 64) });
  }
}
