import { Controller, Get, Header, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { Principal, Scopes } from '@platform/auth';
import { SERVICE_CONFIG } from '@platform/service';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import type { SigningKey } from '../auth/infrastructure/signing-key';
import { SIGNING_KEY } from '../auth/infrastructure/tokens';
import type { GatewayConfig } from '../gateway.definition';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { toListEntryBody } from '../measures/list-entry.mapper';
import { Upstreams } from '../upstreams';
import {
  feedPage,
  readCursor,
  shareableChange,
  shareableGradeChange,
  shareableRecordChange,
  type FeedChange,
  type FeedListEntry,
  type SourceRead,
} from './domain/change-feed';

/** How long a signed page may be presented as proof (RFC 7519 `exp`); a receiver refuses it later. */
export const PAGE_LIFETIME_SECONDS = 3600;
export const PAGE_AUDIENCE_PREFIX = 'exchange:';
const PAGE_SIZE = 200;

/**
 * The exchange change feed (issue 20 item 2, ADR 0068, ADR 0079, ADR 0085): the changes a partner may see —
 * joint measures' list entries, the records disclosure published and the grades it shows — in order after its cursor; each page a compact JWS (ES256, `typ: exchange-page+jwt`) signed with the key
 * published at /.well-known/jwks.json, so the receiver can prove what it got and from whom. The
 * audience is the partner (`exchange:<region>`); a page is never an access token (other audience).
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/changes')
export class ChangeFeedHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @RequireScope(Scopes.ExchangeRead)
  @Header('Content-Type', 'application/jose')
  @ApiProduces('application/jose')
  @ApiQuery({ name: 'since', required: false, description: 'The `next` cursor of the last page read; absent: from the start' })
  @ApiOperation({
    summary:
      'A signed page of changes after the cursor (list entries, published records, public grades): { iss, aud, iat, exp, jti, since, next, head, changes: [{ id, position, type, entry | record | grade }] }; 400 EXCHANGE.CURSOR_INVALID / EXCHANGE.CURSOR_AHEAD',
  })
  async page(@CurrentPrincipal() principal: Principal, @Query('since') since: unknown): Promise<string> {
    const cursor = readCursor(typeof since === 'string' ? since : undefined);
    const { list: listAfter, records: recordsAfter, grades: gradesAfter } = cursor.positions;
    const [entries, records, grades] = await Promise.all([
      this.upstreams.listEntries.listEntryChanges({ after: listAfter, limit: PAGE_SIZE }, { principal }),
      this.upstreams.publicationLog.listRecordChanges({ after: recordsAfter, limit: PAGE_SIZE }, { principal }),
      this.upstreams.publicationLog.listGradeChanges({ after: gradesAfter, limit: PAGE_SIZE }, { principal }),
    ]);
    const page = feedPage(cursor, {
      list: {
        changes: entries.changes.map((c) => shareableChange(principal.region, c.position, toFeedEntry(c.entry))).filter(isChange),
        // The cursor moves past every change read, shared or not: the next page starts after them.
        next: entries.changes.length > 0 ? entries.changes[entries.changes.length - 1].position : listAfter,
        head: entries.head,
      },
      // Disclosure says how far it examined each source (past changes about other regions too).
      records: sharedOf(records, (c) => shareableRecordChange(principal.region, c)),
      grades: sharedOf(grades, (c) => shareableGradeChange(principal.region, c)),
    });
    return sign(page, this.key.privateKey, {
      algorithm: 'ES256',
      keyid: this.key.kid,
      header: { alg: 'ES256', kid: this.key.kid, typ: 'exchange-page+jwt' },
      issuer: this.config.GATEWAY_ISSUER,
      audience: `${PAGE_AUDIENCE_PREFIX}${principal.region}`,
      expiresIn: PAGE_LIFETIME_SECONDS,
      jwtid: randomUUID(),
    });
  }
}

function isChange(change: FeedChange | null): change is FeedChange {
  return change !== null;
}

/** A disclosure read as one source of the page: the changes the partner may see, and disclosure's own `next` and `head`. */
function sharedOf<C>(read: { changes: C[]; next: string; head: string }, share: (change: C) => FeedChange | null): SourceRead {
  return { changes: read.changes.map(share).filter(isChange), next: read.next, head: read.head };
}

function toFeedEntry(entry: Parameters<typeof toListEntryBody>[0]): FeedListEntry {
  const body = toListEntryBody(entry);
  return {
    id: body.id,
    listType: body.listType,
    subject: body.subject,
    region: body.region,
    status: body.status,
    origin: body.origin,
    version: body.version,
    startsOn: body.startsOn ?? '',
    endsOn: body.endsOn ?? '',
    grounds: body.grounds,
    decision: body.decision ? { outcome: body.decision.outcome, decidedOn: body.decision.decidedOn, documentNumber: body.decision.documentNumber } : undefined,
    removal: body.removal ? { reason: body.removal.reason, removedOn: body.removal.removedOn } : undefined,
  };
}
