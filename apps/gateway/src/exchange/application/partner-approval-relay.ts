import { Injectable } from '@nestjs/common';
import { DomainError, type ErrorKind, type FieldViolation } from '@platform/errors';
import type { Principal } from '@platform/auth';
import { ExchangeErrorCode } from '../domain/exchange-errors';
import type { PartnerFeed } from '../domain/partner-feed';
import { FeedUnavailable, PartnerFeedClient } from '../infrastructure/partner-feed-client';
import { PartnerFeeds } from './partner-feeds';

/** A partner's answer status → the kind of error it is here, so the partner's own code reaches our caller unchanged. */
const KIND_OF_STATUS: Record<number, ErrorKind> = { 400: 'validation', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 422: 'precondition' };

/**
 * Cross-province permit approvals between two deployments (issue 20 item 7, ADR 0080): an
 * application accepted in a partner province whose route crosses ours waits there for our answer
 * (ADR 0063). Our province's permit office reads those pending approvals and answers through its
 * own gateway, which relays to the partner's exchange API as the client the partner registered for
 * us (the one the feed puller uses). Nothing is copied here: the application is the partner's and
 * stays there; the answer is in our audit log and in the partner's application.
 */
@Injectable()
export class PartnerApprovalRelay {
  private readonly clients = new Map<string, PartnerFeedClient>();

  constructor(private readonly feeds: PartnerFeeds) {}

  /** Only a client of the whole province speaks for it; a city's permit office does not. */
  assertProvinceLevel(principal: Principal): void {
    if (principal.region !== this.feeds.ownProvince)
      throw DomainError.forbidden(
        ExchangeErrorCode.ProvinceOnly,
        `Answers to a partner province are given for ${this.feeds.ownProvince} by a client of that province, not of ${principal.region}.`,
      );
  }

  async pending(partnerRegion: string): Promise<unknown> {
    return this.relay(partnerRegion, 'GET', '/exchange/v1/permit-approvals?state=pending');
  }

  async answer(partnerRegion: string, answer: { applicationId: string; decision: string; reason?: string }): Promise<unknown> {
    return this.relay(partnerRegion, 'POST', '/exchange/v1/permit-approvals', answer);
  }

  /** The partner followed for this region; 400 on `partner` otherwise. */
  feedOf(partnerRegion: unknown): PartnerFeed {
    const feed = this.feeds.all.find((f) => f.region === partnerRegion);
    if (!feed)
      throw DomainError.validation('REQUEST.INVALID', [
        {
          field: 'partner',
          message: `not a partner province this deployment exchanges with (${this.feeds.all.map((f) => f.region).join(', ') || 'none configured'})`,
        },
      ]);
    return feed;
  }

  private async relay(partnerRegion: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const feed = this.feedOf(partnerRegion);
    let client = this.clients.get(feed.region);
    if (!client) {
      client = new PartnerFeedClient(feed);
      this.clients.set(feed.region, client);
    }
    let answer: { status: number; body: unknown };
    try {
      answer = await client.call(method, path, body);
    } catch (error) {
      if (error instanceof FeedUnavailable) throw new DomainError(ExchangeErrorCode.PartnerUnavailable, 'unavailable', error.message);
      throw error;
    }
    if (answer.status === 200) return answer.body;
    const problem = (answer.body ?? {}) as { code?: string; detail?: string; errors?: FieldViolation[] };
    const kind = KIND_OF_STATUS[answer.status];
    if (!kind || !problem.code)
      throw new DomainError(
        ExchangeErrorCode.PartnerUnavailable,
        'unavailable',
        `the partner ${feed.region} answered ${answer.status}${problem.detail ? `: ${problem.detail}` : ''}`,
      );
    // The partner's own refusal (already answered, not on the route, a field), its code and fields unchanged.
    throw new DomainError(problem.code, kind, `${feed.region}: ${problem.detail ?? problem.code}`, problem.errors ?? []);
  }
}
