import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { assertSender } from '../domain/sender';
import { recordActionOf, type PartnerFeedRecord } from '../domain/feed-record-change';
import type { PartnerFeed } from '../domain/partner-feed';
import type { DeadLetter } from '../infrastructure/partner-feed-store';
import { Upstreams } from '../../upstreams';
import { RecognitionAgreements } from './recognition-agreements';

/** What applying one change did: how it is counted, and the dead letter it leaves, if any. */
export interface ChangeOutcome {
  counted: 'held' | 'withdrawn' | 'unknown' | 'dead-lettered';
  deadLetter?: { reasonCode: DeadLetter['reasonCode']; reason: string };
}

/**
 * `record.in-force` / `record.withdrawn` of a partner's feed (issue 20 item 7, ADR 0086), applied
 * by the puller with the partner as the sender. In force: held in collection as the partner's
 * record (public facts and summary, reference = the partner's record id, the agreement's name),
 * under the agreement's `records` term — outside it nothing is stored and the change is
 * dead-lettered `not-applied` with the agreement's reason. A newer version corrects the held
 * record or puts it back in force; one whose record was withdrawn here for good is dead-lettered
 * `not-updated`. Withdrawn: the record held under that reference is withdrawn with the source's
 * reason; one never held needs nothing — nor asks collection when the agreement has no `records`
 * term (a deployment that shares lists only may run without collection).
 */
@Injectable()
export class PartnerRecordChanges {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly agreements: RecognitionAgreements,
  ) {}

  async apply(sender: Principal, feed: PartnerFeed, change: { type: string; record?: unknown }): Promise<ChangeOutcome> {
    const action = recordActionOf(change);
    if (action.kind === 'invalid') return { counted: 'dead-lettered', deadLetter: { reasonCode: 'invalid', reason: action.reason } };
    if (action.kind === 'hold') return this.hold(sender, feed, action.record);
    // No records term: nothing of this partner is held as a record here (pushes and the feed both need it).
    if (!this.agreements.all.some((a) => a.partner.region === feed.region && a.records)) return { counted: 'unknown' };
    const answer = await this.upstreams.creditRecords.withdrawPartnerRecord(
      { partnerRegion: feed.region, sourceReference: action.reference, reason: action.reason, sourceVersion: action.version },
      { principal: sender },
    );
    return { counted: answer.outcome === 'unknown' ? 'unknown' : 'withdrawn' };
  }

  private async hold(sender: Principal, feed: PartnerFeed, record: PartnerFeedRecord): Promise<ChangeOutcome> {
    assertSender(sender, record.region, 'region');
    const acceptance = this.agreements.recordAcceptanceOf(feed.region, record.subject);
    if (!acceptance.accepted) return { counted: 'dead-lettered', deadLetter: { reasonCode: 'not-applied', reason: acceptance.reason } };
    const answer = await this.upstreams.creditRecords.holdPartnerRecord(
      {
        record: {
          recordType: record.recordType,
          subject: record.subject,
          region: record.region,
          severity: record.severity,
          decisionDate: record.decisionDate,
          documentNumber: record.documentNumber,
          sourceRecordId: '',
          idempotencyKey: '',
          payloadJson: '',
          partner: { region: feed.region, sourceReference: record.id, agreement: acceptance.agreement },
        },
        summary: record.summary,
        sourceVersion: record.version,
      },
      { principal: sender },
    );
    if (answer.outcome === 'not-restored') return { counted: 'held', deadLetter: { reasonCode: 'not-updated', reason: `${answer.detail} (${answer.id})` } };
    return { counted: 'held' };
  }
}
