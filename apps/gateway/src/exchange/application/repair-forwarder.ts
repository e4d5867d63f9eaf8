import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Principal, Scopes } from '@platform/auth';
import { partnerBackoffMs } from '../domain/feed-backoff';
import { DEFAULT_REPAIR_WATCH_INTERVAL_SECONDS, type PartnerFeed } from '../domain/partner-feed';
import { afterCheck, afterSend, afterUpload, afterWatch, evidenceFilesOf, type DueForward, type ForwardStep } from '../domain/repair-forwarding';
import { FeedUnavailable, PartnerFeedClient } from '../infrastructure/partner-feed-client';
import { Upstreams } from '../../upstreams';
import { PartnerFeeds } from './partner-feeds';

const BATCH = 20;

/**
 * Sends repair applications routed to a partner province (谁认定、谁修复: it decided the record) to
 * that province's `POST /exchange/v1/repair-applications`, and asks `GET .../{id}` until it has
 * decided; the decision is applied in repair as a local one is (ADR 0084). The partner is reached
 * with the client it registered for us (the feed configuration, ADR 0080: no second partner
 * directory). Repair's forwarded rows are the outbox: a partner that is down is retried with
 * backoff per application, nothing is lost, and the partner's idempotency on our reference (the
 * application id) makes a send repeated by a crash or a second replica harmless. Evidence files the
 * application names go first, to the partner's `POST /exchange/v1/repair-evidence` (ADR 0088).
 */
@Injectable()
export class RepairForwarder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RepairForwarder');
  private readonly stopping = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly clients = new Map<string, PartnerFeedClient>();

  constructor(
    private readonly feeds: PartnerFeeds,
    private readonly upstreams: Upstreams,
  ) {}

  onApplicationBootstrap(): void {
    for (const feed of this.feeds.all) this.loops.push(this.follow(feed));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.loops);
  }

  /** A sweep every poll interval; after sweeps that failed (repair unreachable, or not deployed here) the backoff instead. */
  private async follow(feed: PartnerFeed): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      let wait = feed.pollIntervalSeconds * 1000;
      try {
        await this.forwardOnce(feed);
        failures = 0;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        // The rows wait in repair; a later sweep takes them.
        failures++;
        wait = Math.max(wait, partnerBackoffMs(feed, failures));
        this.logger.warn({ partner: feed.region, err: error, retryInMs: wait }, 'repair forwarding sweep failed');
      }
      await sleep(wait, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }

  /** One sweep over the applications due for this partner; answers how many were handled. */
  async forwardOnce(feed: PartnerFeed): Promise<number> {
    const partner = partnerPrincipal(feed);
    const { forwards } = await this.upstreams.repairApplications.listDueForwards({ limit: BATCH }, { principal: partner });
    for (const due of forwards ?? []) {
      const step = await this.stepOf(feed, due).catch((error: unknown) => {
        if (error instanceof FeedUnavailable) return { kind: 'retry', failure: error.message } as ForwardStep;
        throw error;
      });
      await this.record(feed, partner, due, step);
    }
    return forwards?.length ?? 0;
  }

  private async stepOf(feed: PartnerFeed, due: DueForward): Promise<ForwardStep> {
    const client = this.clientOf(feed);
    const answerPath = `/exchange/v1/repair-applications/${encodeURIComponent(due.partnerApplicationId)}`;
    if (due.status === 'approved') return client.call('GET', answerPath).then(afterWatch);
    if (due.partnerApplicationId) return client.call('GET', answerPath).then(afterCheck);
    const evidenceRefused = await this.sendEvidence(feed, client, due);
    if (evidenceRefused) return evidenceRefused;
    return client
      .call('POST', '/exchange/v1/repair-applications', {
        targetKind: due.targetKind || 'record',
        target: due.target,
        subject: { kind: due.subjectKind, id: due.subjectId, name: due.subjectName },
        commitment: due.commitment,
        evidence: due.evidence ?? [],
        reference: due.applicationId,
      })
      .then(afterSend);
  }

  /**
   * The application's evidence files, uploaded to the partner before the application names them
   * (ADR 0088; idempotent: content-addressed on both sides). Null when all are there, else the step
   * (a refusal that rejects the application, or a retry).
   */
  private async sendEvidence(feed: PartnerFeed, client: PartnerFeedClient, due: DueForward): Promise<ForwardStep | null> {
    for (const sha256 of evidenceFilesOf(due.evidence ?? [])) {
      const file = await this.upstreams.repairEvidence
        .getForwardEvidence({ sha256 }, { principal: partnerPrincipal(feed) })
        .catch((error: unknown) => error as Error);
      if (file instanceof Error) return { kind: 'retry', failure: `evidence file ${sha256} not readable here: ${file.message}` };
      const step = afterUpload(await client.call('POST', '/exchange/v1/repair-evidence', file.content), sha256);
      if (step) return step;
    }
    return null;
  }

  private async record(feed: PartnerFeed, partner: Principal, due: { applicationId: string; attempts: number }, step: ForwardStep): Promise<void> {
    const repair = this.upstreams.repairApplications;
    const pollMs = String(feed.pollIntervalSeconds * 1000);
    switch (step.kind) {
      case 'sent':
        await repair.noteForwardProgress(
          { applicationId: due.applicationId, partnerApplicationId: step.partnerApplicationId, failure: '', retryInMs: pollMs },
          { principal: partner },
        );
        return;
      case 'waiting':
        await repair.noteForwardProgress(
          { applicationId: due.applicationId, partnerApplicationId: '', failure: '', retryInMs: pollMs },
          { principal: partner },
        );
        return;
      case 'revoked':
        await repair.applyPartnerRevocation(
          { applicationId: due.applicationId, reason: step.reason, revokedBy: step.revokedBy, revokedAt: step.revokedAt },
          { principal: partner },
        );
        return;
      case 'decided':
        await repair.applyPartnerAnswer(
          { applicationId: due.applicationId, outcome: step.outcome, reason: step.reason, decidedBy: step.decidedBy, decidedAt: step.decidedAt },
          { principal: partner },
        );
        // An approval is watched for its revocation: first asked about one watch interval from now.
        if (step.outcome === 'approved') await this.watchAgain(partner, due.applicationId, feed);
        return;
      case 'still-approved':
        await this.watchAgain(partner, due.applicationId, feed);
        return;
      case 'retry': {
        const retryInMs = partnerBackoffMs(feed, due.attempts + 1);
        this.logger.warn({ partner: feed.region, application: due.applicationId, retryInMs }, `repair application not forwarded: ${step.failure}`);
        await repair.noteForwardProgress(
          { applicationId: due.applicationId, partnerApplicationId: '', failure: step.failure, retryInMs: String(retryInMs) },
          { principal: partner },
        );
      }
    }
  }

  private async watchAgain(partner: Principal, applicationId: string, feed: PartnerFeed): Promise<void> {
    await this.upstreams.repairApplications.noteForwardProgress(
      { applicationId, partnerApplicationId: '', failure: '', retryInMs: String(watchIntervalMs(feed)) },
      { principal: partner },
    );
  }

  private clientOf(feed: PartnerFeed): PartnerFeedClient {
    let client = this.clients.get(feed.region);
    if (!client) {
      client = new PartnerFeedClient(feed);
      this.clients.set(feed.region, client);
    }
    return client;
  }
}

function watchIntervalMs(feed: PartnerFeed): number {
  return (feed.repairWatchIntervalSeconds ?? DEFAULT_REPAIR_WATCH_INTERVAL_SECONDS) * 1000;
}

/** The partner as repair checks it: its region (only applications routed to it), exchange:write. Never a token: it does not leave this process. */
function partnerPrincipal(feed: PartnerFeed): Principal {
  return { clientId: `repair-forwarder:${feed.region}`, kind: 'partner', region: feed.region, scopes: [Scopes.ExchangeRead, Scopes.ExchangeWrite] };
}
