import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Principal, Scopes } from '@platform/auth';
import { gradeTableProblems, type RecognitionTableView } from '../domain/grade-mapping';
import { gradeActionOf, type PartnerFeedGrade } from '../domain/partner-grade-change';
import { feedSenderOf, refusalOf } from '../domain/feed-change-refusal';
import type { FeedPage } from '../domain/feed-page';
import type { PartnerFeed } from '../domain/partner-feed';
import { PartnerFeedStore, type DeadLetter } from '../infrastructure/partner-feed-store';
import { parseJson } from '../../json';
import { Upstreams } from '../../upstreams';
import { partnerFeedChanges } from './partner-feed-metrics';
import { RecognitionAgreements } from './recognition-agreements';

/**
 * A partner's `grade.*` changes, as the puller reads them from its feed (ADR 0085). The agreement
 * with the partner decides whether the grade applies (its `grades` term: the partner's scheme, the
 * subjects, the effect, our recognition table); evaluation stores it as the partner's grade with
 * its provenance — idempotent by version — or withdraws it. A grade outside the agreement is still
 * stored, as not applied, and dead-lettered with the reason, as list entries are; one this province
 * refuses (a recognition table that does not read the partner's ladder…) is dead-lettered as refused.
 */
@Injectable()
export class PartnerGradeChanges implements OnApplicationBootstrap {
  private readonly logger = new Logger('PartnerGradeChanges');

  constructor(
    private readonly upstreams: Upstreams,
    private readonly agreements: RecognitionAgreements,
    private readonly store: PartnerFeedStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.checkTables();
  }

  /**
   * The recognition tables the agreements name, checked against evaluation's once it answers at
   * start (configuration that names other configuration): a problem is logged with its path, not
   * fatal — tables are data an operator may upload later, and each grade is checked again when it
   * is applied (a missing table is a refused, dead-lettered change).
   */
  async checkTables(): Promise<string[]> {
    if (!this.agreements.all.some((a) => a.grades?.schemes.some((t) => t.recognitionTable))) return [];
    const reader: Principal = { clientId: 'gateway:recognition-agreements', kind: 'admin', region: '', scopes: [Scopes.EvaluationsRead] };
    try {
      const { tablesJson } = await this.upstreams.gradeRecognition.listRecognitionTables({}, { principal: reader });
      const problems = gradeTableProblems(this.agreements.all, parseJson(tablesJson) as unknown as RecognitionTableView[]);
      for (const problem of problems) this.logger.warn(`GATEWAY_EXCHANGE_AGREEMENTS_FILE ${problem}`);
      return problems;
    } catch (error) {
      this.logger.warn(`recognition tables named by the agreements not checked at start (${(error as Error).message}); each grade is checked when applied`);
      return [];
    }
  }

  async apply(tx: EntityManager, feed: PartnerFeed, change: FeedPage['changes'][number]): Promise<void> {
    const about = { partnerRegion: feed.region, changeId: change.id, changeType: change.type, position: change.position, change };
    const letter = (reasonCode: DeadLetter['reasonCode'], reason: string) => this.store.deadLetter(tx, { ...about, reasonCode, reason });
    const count = (outcome: string) => partnerFeedChanges.inc({ partner: feed.region, outcome });
    const action = gradeActionOf(change);
    if (action.kind === 'invalid') {
      count('dead-lettered');
      return letter('invalid', action.reason);
    }
    const recognition = this.agreements.gradeRecognitionOf(feed.region, { schemeId: action.grade.schemeId, subject: action.grade.subject });
    const answer = await this.send(feed, change.id, action.kind, action.grade, recognition).catch((error: unknown) => ({
      outcome: 'refused',
      why: refusalOf(error),
    }));
    if ('why' in answer) {
      count('dead-lettered');
      return letter('refused', answer.why);
    }
    count(answer.outcome === 'stored' ? 'held' : answer.outcome);
    if (action.kind === 'hold' && answer.outcome === 'stored' && recognition.outcome === 'not-applied') await letter('not-applied', recognition.reason);
  }

  private send(
    feed: PartnerFeed,
    changeId: string,
    kind: 'hold' | 'withdraw',
    g: PartnerFeedGrade,
    recognition: ReturnType<RecognitionAgreements['gradeRecognitionOf']>,
  ): Promise<{ outcome: string }> {
    const partner = this.agreements.all.find((a) => a.partner.region === feed.region);
    return this.upstreams.gradeRecognition.applyPartnerGrade(
      {
        state: kind === 'hold' ? 'in-force' : 'withdrawn',
        subjectId: g.subject.id,
        subjectName: g.subject.name,
        grade: g.grade,
        gradeLabel: g.gradeLabel,
        cycle: g.cycle,
        evaluatedAt: g.evaluatedAt,
        version: g.version,
        reason: g.removalReason,
        provenance: { partnerRegion: feed.region, partnerName: partner?.partner.name ?? feed.region, schemeId: g.schemeId, schemeName: g.schemeName, changeId },
        recognition,
      },
      { principal: feedSenderOf(feed) },
    );
  }
}
