import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import type { CreditRecord } from '../domain/credit-record';
import { inForcePlan, withdrawalPlan } from '../domain/partner-feed-record';
import { RecordErrorCode } from '../domain/record-errors';
import { RawSubmission, validateSubmission, ValidSubmission } from '../domain/record-submission';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { RecordUpdater } from './record-updater';
import { REPAIR_REVOKED_CHANGE, statusBeforeRepair } from './repair-history';
import { RecordWriterPort } from './records.tokens';
import { RevokeRecordHandler } from './revoke-record.handler';
import { assertMaySubmit } from './submission-policy';

/** `record.in-force`: the record's public facts with its provenance, the partner's summary, the source's publication version. */
export interface HoldPartnerRecordCommand {
  record?: RawSubmission;
  summary: string;
  sourceVersion: number;
}

/** `record.withdrawn`: the partner's reference, the source's reason and publication version. */
export interface WithdrawPartnerRecordCommand {
  partnerRegion: string;
  sourceReference: string;
  reason: string;
  sourceVersion: number;
}

export interface HoldAnswer {
  id: string;
  outcome: 'held' | 'updated' | 'restored' | 'unchanged' | 'not-restored';
  status: string;
  detail: string;
}

export interface WithdrawAnswer {
  id: string;
  outcome: 'withdrawn' | 'unchanged' | 'unknown';
  status: string;
}

/**
 * A partner's records as its change feed publishes them (issue 20 item 7, ADR 0086), applied for
 * the gateway's puller with the partner as the principal (`exchange:write`, its own region only).
 * A record is held as the partner's — one per partner region and reference, whether it was pushed
 * (ADR 0069) or pulled — with its public facts and summary; a newer version corrects it or puts
 * it back in force, a withdrawal ends it the way ours end (a new version and its event in one
 * transaction: disclosure and evaluation follow). Never one of our own records.
 */
@Injectable()
export class PartnerFeedRecords {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RecordWriterPort) private readonly writer: RecordWriterPort,
    private readonly catalogues: CatalogueStore,
    private readonly updater: RecordUpdater,
    private readonly revoker: RevokeRecordHandler,
  ) {}

  async hold(principal: Principal, request: HoldPartnerRecordCommand): Promise<HoldAnswer> {
    const raw = request.record;
    if (!raw?.partner) {
      throw DomainError.validation(RecordErrorCode.Invalid, [{ field: 'record.partner', message: 'is required', code: 'REQUIRED' }]);
    }
    const submission = validateSubmission(raw, this.catalogues.current(), undefined, { publicFacts: { summary: request.summary } });
    assertMaySubmit(principal, submission);
    const { region, sourceReference } = raw.partner;
    return this.dataSource.transaction(async (manager) => {
      const held = await lockPartnerRecord(manager, region, sourceReference);
      if (held) return this.update(manager, principal, held, submission, request.sourceVersion);
      const [written] = await this.writer.write(manager, principal.clientId, [submission]);
      if (written) {
        await markHeldFromFeed(manager, written.id, request.sourceVersion, submission.publicSummary ?? '');
        return { id: written.id, outcome: 'held', status: 'active', detail: '' };
      }
      // Skipped by a unique key: the same reference held meanwhile (a push racing the feed), or the
      // same document about the subject held as another record (ours, or another sender's).
      const raced = await lockPartnerRecord(manager, region, sourceReference);
      if (raced) return this.update(manager, principal, raced, submission, request.sourceVersion);
      throw DomainError.conflict(
        RecordErrorCode.Duplicate,
        `A ${submission.type.code} record with document number ${submission.documentNumber} for this subject already exists.`,
      );
    });
  }

  async withdraw(principal: Principal, request: WithdrawPartnerRecordCommand): Promise<WithdrawAnswer> {
    assertScope(principal, Scopes.ExchangeWrite);
    return this.dataSource.transaction(async (manager) => {
      // Only the partner's own: another region's reference reads as never held.
      const held = isWithinRegion(principal, request.partnerRegion) ? await lockPartnerRecord(manager, request.partnerRegion, request.sourceReference) : null;
      if (!held) return { id: '', outcome: 'unknown', status: '' };
      const plan = withdrawalPlan(held, request.reason, request.sourceVersion);
      if (plan.kind === 'withdraw' && plan.status === 'repaired') {
        await this.updater.apply(manager, held, {
          status: 'repaired',
          change: 'repaired',
          reason: plan.reason,
          changedBy: principal.clientId,
          changedAt: new Date(),
        });
      } else if (plan.kind === 'withdraw') {
        await this.revoker.revokeLocked(manager, held, plan.reason, principal.clientId);
      }
      await rememberSource(manager, held.id, request.sourceVersion);
      return { id: held.id, outcome: plan.kind === 'withdraw' ? 'withdrawn' : 'unchanged', status: held.status };
    });
  }

  /** A newer in-force version of a record held: put back in force (its repair revoked at the source), corrected, or only remembered. */
  private async update(manager: EntityManager, principal: Principal, held: CreditRecord, submission: ValidSubmission, version: number): Promise<HoldAnswer> {
    const facts = {
      severity: submission.severity,
      decisionDate: submission.decisionDate,
      documentNumber: submission.documentNumber,
      subjectName: submission.subject.name,
    };
    const plan = inForcePlan(held, facts, version);
    if (plan.kind === 'unchanged') return { id: held.id, outcome: 'unchanged', status: held.status, detail: '' };
    await rememberSource(manager, held.id, version, submission.publicSummary ?? '');
    if (plan.kind === 'not-restored') return { id: held.id, outcome: 'not-restored', status: held.status, detail: plan.detail };
    const at = new Date();
    const by = principal.clientId;
    if (plan.restore) {
      const status = await statusBeforeRepair(manager, held.id);
      await this.updater.apply(manager, held, { status, change: REPAIR_REVOKED_CHANGE, reason: 'in force again at the source', changedBy: by, changedAt: at });
    }
    const corrected = Object.keys(plan.changes).length > 0;
    if (corrected) {
      Object.assign(held, facts);
      const status = held.status === 'active' ? 'corrected' : held.status;
      await this.updater.apply(manager, held, {
        status,
        change: 'corrected',
        reason: 'corrected at the source',
        changedBy: by,
        changedAt: at,
        changes: plan.changes,
      });
    }
    const outcome = plan.restore ? 'restored' : corrected ? 'updated' : 'unchanged';
    return { id: held.id, outcome, status: held.status, detail: '' };
  }
}

/** The partner's record held under its reference, locked for the rest of the transaction. */
function lockPartnerRecord(manager: EntityManager, partnerRegion: string, partnerReference: string): Promise<CreditRecordEntity | null> {
  return manager.getRepository(CreditRecordEntity).findOne({ where: { partnerRegion, partnerReference }, lock: { mode: 'pessimistic_write' } });
}

/**
 * The source version last applied (never lowered) and, on a record held from the feed, the
 * summary the partner now publishes; a pushed record keeps its payload and has none.
 */
async function rememberSource(manager: EntityManager, id: string, version: number, summary?: string): Promise<void> {
  await manager.query(
    `UPDATE credit_records SET partner_version = GREATEST(partner_version, $2),
        public_summary = CASE WHEN public_summary IS NULL OR $3::text IS NULL THEN public_summary ELSE $3::text END
      WHERE id = $1`,
    [id, version, summary ?? null],
  );
}

/** A record just stored from the feed: its public facts only, the partner's summary, the source version. */
async function markHeldFromFeed(manager: EntityManager, id: string, version: number, summary: string): Promise<void> {
  await manager.query(`UPDATE credit_records SET partner_version = $2, public_summary = $3 WHERE id = $1`, [id, version, summary]);
}
