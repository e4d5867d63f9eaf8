import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { isDomainError } from '@platform/errors';
import { partnerBackoffMs } from '../domain/feed-backoff';
import { feedSenderOf, refusalOf } from '../domain/feed-change-refusal';
import { actionOf, type FeedAction } from '../domain/feed-change';
import { isRecordChange } from '../domain/feed-record-change';
import { keyFor, PageRefused, pageKeyId, verifyPage, type FeedPage } from '../domain/feed-page';
import type { PartnerFeed } from '../domain/partner-feed';
import { PAGE_AUDIENCE_PREFIX } from '../change-feed.http.controller';
import { PartnerFeedClient } from '../infrastructure/partner-feed-client';
import { PartnerFeedStore, type DeadLetter } from '../infrastructure/partner-feed-store';
import { partnerFeedChanges, partnerFeedLag, partnerFeedPages } from './partner-feed-metrics';
import { PartnerEntryImports } from './partner-entry-imports';
import { PartnerRecordChanges, type ChangeOutcome } from './partner-record-changes';
import { PartnerFeeds } from './partner-feeds';
import { PartnerGradeChanges } from './partner-grade-changes';
import { isGradeChange } from '../domain/partner-grade-change';
import { RecognitionAgreements } from './recognition-agreements';

type Letter = (reasonCode: DeadLetter['reasonCode'], reason: string) => Promise<void>;

/**
 * Follows each configured partner's change feed (issue 20 item 5, ADR 0080). Per partner, one loop:
 * read the page after the stored cursor, verify it (the partner's key, ES256, issuer, audience
 * `exchange:<our province>`, expiry, and that it answers the cursor asked with), apply each change
 * through the path partner pushes take, then store the page's `next`. A refused page is logged and
 * never applied; an unreachable partner is retried with exponential backoff and jitter. Changes that
 * fail validation or the agreement are dead-lettered with the reason; the page still moves on.
 */
@Injectable()
export class PartnerFeedPuller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PartnerFeedPuller');
  private readonly stopping = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly clients = new Map<string, PartnerFeedClient>();
  private readonly startedAt = Date.now();

  constructor(
    private readonly feeds: PartnerFeeds,
    private readonly store: PartnerFeedStore,
    private readonly imports: PartnerEntryImports,
    private readonly agreements: RecognitionAgreements,
    private readonly grades: PartnerGradeChanges,
    private readonly records: PartnerRecordChanges,
  ) {}

  onApplicationBootstrap(): void {
    for (const feed of this.feeds.all) {
      this.clients.set(feed.region, new PartnerFeedClient(feed));
      this.loops.push(this.follow(feed));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.loops);
  }

  /** Pulls until caught up, waits the poll interval, again; after a failure waits the backoff instead. */
  private async follow(feed: PartnerFeed): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      let wait: number;
      try {
        const caughtUp = await this.pullOnce(feed);
        failures = 0;
        wait = caughtUp ? feed.pollIntervalSeconds * 1000 : 0;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        failures++;
        wait = partnerBackoffMs(feed, failures);
        await this.noteFailure(feed, error, wait);
      }
      await this.updateLag(feed.region);
      if (wait > 0) await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }

  /**
   * One page: fetched, verified, applied, cursor stored, all while holding the partner's cursor row.
   * Answers whether the feed is caught up (or another replica is following it).
   */
  async pullOnce(feed: PartnerFeed): Promise<boolean> {
    const client = this.clientOf(feed);
    const outcome = await this.store.underCursor(feed.region, async (tx, state) => {
      const since = state.cursor ?? undefined;
      const page = await this.verifiedPage(feed, client, await client.page(since), since);
      for (const change of page.changes) await this.apply(tx, feed, change);
      await this.store.advance(tx, feed.region, page.next, page.head);
      return page;
    });
    if (outcome === 'busy') return true;
    partnerFeedPages.inc({ partner: feed.region, outcome: 'applied' });
    // A page that did not move the cursor short of the head would be asked again at once, forever: wait instead.
    return outcome.next === outcome.head || outcome.next === outcome.since;
  }

  private async verifiedPage(feed: PartnerFeed, client: PartnerFeedClient, jws: string, since: string | undefined): Promise<FeedPage> {
    const kid = pageKeyId(jws);
    // A kid we do not hold: the partner may have rotated its key; its JWKS is fetched again, once.
    const key = keyFor(await client.keys(), kid) ?? keyFor(await client.keys(true), kid);
    if (!key) throw new PageRefused('unknown-key', `kid ${kid} is not in ${feed.jwksUrl}`);
    return verifyPage(jws, key, {
      issuer: feed.issuer,
      audience: `${PAGE_AUDIENCE_PREFIX}${this.feeds.ownProvince}`,
      since,
      now: Math.floor(Date.now() / 1000),
    });
  }

  private async apply(tx: EntityManager, feed: PartnerFeed, change: FeedPage['changes'][number]): Promise<void> {
    if (isGradeChange(change)) return this.grades.apply(tx, feed, change);
    const letter: Letter = (reasonCode, reason) =>
      this.store.deadLetter(tx, {
        partnerRegion: feed.region,
        changeId: change.id,
        changeType: change.type,
        position: change.position,
        reasonCode,
        reason,
        change,
      });
    if (isRecordChange(change)) return this.applyRecord(feed, change, letter);
    const action = actionOf(change);
    if (action.kind === 'skip') return void partnerFeedChanges.inc({ partner: feed.region, outcome: 'skipped' });
    if (action.kind === 'invalid') {
      partnerFeedChanges.inc({ partner: feed.region, outcome: 'dead-lettered' });
      return letter('invalid', action.reason);
    }
    try {
      const outcome = await this.applyEntry(feed, action);
      partnerFeedChanges.inc({ partner: feed.region, outcome: outcome.counted });
      if (outcome.notApplied) await letter('not-applied', outcome.notApplied);
      if (outcome.notUpdated) await letter('not-updated', outcome.notUpdated);
    } catch (error) {
      const reason = refusalOf(error);
      partnerFeedChanges.inc({ partner: feed.region, outcome: 'dead-lettered' });
      await letter('refused', reason);
    }
  }

  /** A record change (ADR 0086): applied by PartnerRecordChanges, counted and dead-lettered as entries are. */
  private async applyRecord(feed: PartnerFeed, change: FeedPage['changes'][number], letter: Letter): Promise<void> {
    const outcome: ChangeOutcome = await this.records
      .apply(feedSenderOf(feed), feed, change)
      .catch((error: unknown) => ({ counted: 'dead-lettered', deadLetter: { reasonCode: 'refused', reason: refusalOf(error) } }));
    partnerFeedChanges.inc({ partner: feed.region, outcome: outcome.counted });
    if (outcome.deadLetter) await letter(outcome.deadLetter.reasonCode, outcome.deadLetter.reason);
  }

  /**
   * In force: stored as the partner's entry under the agreement (idempotent on the partner's entry
   * id as its reference); a newer version of one held updates it, or restores it after a withdrawal
   * (ADR 0087). Withdrawn: the entry held under that reference is withdrawn; one never held
   * (compacted away, or outside what we were sent) needs nothing.
   */
  private async applyEntry(
    feed: PartnerFeed,
    action: Extract<FeedAction, { kind: 'hold' | 'withdraw' }>,
  ): Promise<{ counted: 'held' | 'withdrawn' | 'unknown'; notApplied?: string; notUpdated?: string }> {
    const sender = feedSenderOf(feed);
    const e = action.entry;
    if (action.kind === 'withdraw') {
      const held = await this.imports.ofReference(sender, e.id);
      if (!held) return { counted: 'unknown' };
      await this.imports.withdraw(sender, held.id, `withdrawn at the source (${e.removalReason || 'no reason given'})`);
      return { counted: 'withdrawn' };
    }
    const imported = this.imports.import(sender, {
      listType: e.listType,
      subject: e.subject,
      region: e.region,
      grounds: e.grounds,
      provenance: {
        partnerRegion: feed.region,
        partnerName: this.partnerName(feed),
        sourceReference: e.id,
        decidedOn: e.decidedOn,
        ...(e.documentNumber && { documentNumber: e.documentNumber }),
      },
      startsOn: e.startsOn,
      endsOn: e.endsOn || undefined,
      version: e.version || undefined,
    });
    const result = await imported.catch(notUpdatedOf);
    if ('notUpdated' in result) return { counted: 'held', notUpdated: result.notUpdated };
    const held = result.entry;
    return { counted: 'held', notApplied: held?.status === 'not-applied' ? held.recognition?.reason || 'not applied under the agreement' : undefined };
  }

  private partnerName(feed: PartnerFeed): string {
    return this.agreements.all.find((a) => a.partner.region === feed.region)?.partner.name ?? feed.region;
  }

  private clientOf(feed: PartnerFeed): PartnerFeedClient {
    let client = this.clients.get(feed.region);
    if (!client) {
      client = new PartnerFeedClient(feed);
      this.clients.set(feed.region, client);
    }
    return client;
  }

  private async noteFailure(feed: PartnerFeed, error: unknown, retryInMs: number): Promise<void> {
    const refused = error instanceof PageRefused;
    partnerFeedPages.inc({ partner: feed.region, outcome: refused ? 'refused' : 'unavailable' });
    const message = refused ? `page refused (${error.reason}): ${error.message}` : `partner feed unavailable: ${(error as Error).message}`;
    if (refused) this.logger.warn({ partner: feed.region, reason: error.reason, retryInMs }, message);
    else this.logger.warn({ partner: feed.region, retryInMs }, message);
    await this.store.noteFailure(feed.region, message).catch((e: unknown) => this.logger.error({ err: e }, 'partner feed failure not recorded'));
  }

  /**
   * From the shared cursor row, so every replica reports the same lag whichever of them holds the
   * partner's cursor; before the feed was ever caught up, measured from this process's start.
   */
  private async updateLag(region: string): Promise<void> {
    const state = await this.store.state(region).catch(() => undefined);
    const since = state?.caughtUpAt ? Date.parse(state.caughtUpAt) : this.startedAt;
    partnerFeedLag.set({ partner: region }, Math.max(0, Date.now() - since) / 1000);
  }
}

/** Codes with which joint measures refuses to apply a newer version to the entry it holds (ADR 0087). */
const NOT_UPDATED_CODES = new Set(['LIST_ENTRY.REFERENCE_REUSED', 'LIST_ENTRY.REMOVED_HERE']);

/**
 * A version joint measures cannot apply over the entry held — removed here for our own reason
 * (repair, expiry…), the same version saying otherwise, another subject or list under the same
 * reference — is dead-lettered `not-updated` for review; any other error goes on as it was.
 */
function notUpdatedOf(error: unknown): { notUpdated: string } {
  if (!isDomainError(error) || !NOT_UPDATED_CODES.has(error.code)) throw error;
  return { notUpdated: `${error.code}: ${error.message}` };
}
