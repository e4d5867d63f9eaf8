import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { measuresV1 } from '@contracts';
import { chinaDateOf, isIsoDate } from '@domain/calendar';
import { isCreditListType, isSubjectKind, subjectIdOf, type CreditListType } from '@domain/credit';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, type FieldViolation } from '@platform/errors';
import { subjectFacts } from '../../entry-rules/infrastructure/subject-facts.repository';
import { decide, importFromPartner, isInForce, type ListEntry } from '../domain/list-entry';
import { ListEntryErrorCode } from '../domain/list-errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { listEntries } from '../infrastructure/list-entry.repository';
import { listWriteKeys } from '../infrastructure/list-write-keys.repository';
import { ListEntryLedger } from './list-entry-ledger';

const today = () => chinaDateOf(new Date());
export const IdempotencyErrorCode = { KeyReused: 'REQUEST.IDEMPOTENCY_KEY_REUSED' } as const;

export interface ListWriteResult {
  entry: ListEntry;
  /** The answer to a retried Idempotency-Key, as first given. */
  replayed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(violations: FieldViolation[]): never {
  throw DomainError.validation(ListEntryErrorCode.Invalid, violations);
}

function listTypeOf(value: string): CreditListType {
  if (!isCreditListType(value)) invalid([{ field: 'listType', message: `unknown list type "${value}"` }]);
  return value;
}

/** The API shape of an entry, with whether it binds today. */
export function toProto(entry: ListEntry, on = today()): measuresV1.ListEntry {
  return {
    id: entry.id,
    listType: entry.listType,
    subject: entry.subject,
    region: entry.region,
    status: entry.status,
    origin: entry.origin,
    ruleId: entry.ruleId ?? '',
    basis: entry.basis.map((b) =>
      b.kind === 'record'
        ? { kind: 'record', recordId: b.recordId, recordType: b.recordType, decisionDate: b.decisionDate, schemeId: '', cycle: '', grade: '', pointsDeducted: 0 }
        : { kind: 'grade', recordId: '', recordType: '', decisionDate: '', schemeId: b.schemeId, cycle: b.cycle, grade: b.grade, pointsDeducted: b.pointsDeducted ?? 0 },
    ),
    grounds: entry.grounds,
    provenance: entry.provenance ?? undefined,
    proposedOn: entry.proposedOn,
    noticeEndsOn: entry.noticeEndsOn,
    startsOn: entry.startsOn ?? '',
    endsOn: entry.endsOn ?? '',
    decision: entry.decision ?? undefined,
    removal: entry.removal ?? undefined,
    version: entry.version,
    inForce: isInForce(entry, on),
  };
}

/** Proposing, deciding, importing and reading list entries (API.md "Joint measures"). */
@Injectable()
export class ListEntryCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  /**
   * Runs a list write once per client and Idempotency-Key (API.md: a retried key returns the first
   * answer; the same key for a different request is refused, 422 REQUEST.IDEMPOTENCY_KEY_REUSED).
   * The key is stored with the answer in the write's transaction; a write that failed stored
   * nothing, so its retry is tried again. After the commit this replica drops the subject from its
   * decision cache at once (the others do when the NOTIFY reaches them): a decision asked here
   * right after an entry took effect sees it.
   */
  private async writeOnce(principal: Principal, idempotencyKey: string, operation: string, request: unknown, write: (manager: EntityManager) => Promise<ListEntry>): Promise<ListWriteResult> {
    const key = idempotencyKey.trim();
    const result = await this.dataSource.transaction(async (manager): Promise<ListWriteResult> => {
      if (!key) return { entry: await write(manager), replayed: false };
      const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
      const earlier = await listWriteKeys.lockAndFind(manager, principal.clientId, key);
      if (earlier) {
        if (earlier.operation !== operation || earlier.requestHash !== requestHash) {
          throw new DomainError(IdempotencyErrorCode.KeyReused, 'precondition', 'This Idempotency-Key was used for a different request; use a new key for a new request.', [
            { field: 'Idempotency-Key', message: `already used for ${earlier.operation} with a different body`, code: 'REUSED' },
          ]);
        }
        return { entry: earlier.entry, replayed: true };
      }
      const entry = await write(manager);
      await listWriteKeys.remember(manager, principal.clientId, key, { operation, requestHash, entry });
      return { entry, replayed: false };
    });
    if (!result.replayed) this.cache.invalidate(result.entry.subject.id);
    return result;
  }

  /**
   * A unit proposes an entry resting on records it can name. The subject must be known to the
   * platform (records about it were collected) and every basis record must be about it and still
   * count; the entry belongs to the region of its records, which the caller must cover.
   */
  async propose(principal: Principal, request: measuresV1.ProposeListEntryRequest): Promise<ListWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const listType = listTypeOf(request.listType);
    if (!request.subjectId) invalid([{ field: 'subjectId', message: 'is required' }]);
    if (request.basisRecordIds.length === 0) invalid([{ field: 'basisRecordIds', message: 'name at least one record the entry rests on' }]);
    if (!request.grounds.trim()) invalid([{ field: 'grounds', message: 'is required (quoted in the notice to the subject)' }]);
    const asked = { listType, subjectId: request.subjectId, basisRecordIds: request.basisRecordIds, grounds: request.grounds.trim(), durationMonths: request.durationMonths };
    return this.writeOnce(principal, request.idempotencyKey ?? '', 'propose', asked, async (manager) => {
      this.cache.hold(request.subjectId);
      if (!(await subjectFacts.knowsSubject(manager, request.subjectId))) {
        throw DomainError.notFound(ListEntryErrorCode.UnknownSubject, `No credit record about subject ${request.subjectId} has been collected; an entry needs a known subject.`);
      }
      const records = await Promise.all(request.basisRecordIds.map((id) => (UUID.test(id) ? subjectFacts.record(manager, id) : undefined)));
      const violations = records.flatMap((r, i): FieldViolation[] => {
        if (!r || r.subjectId !== request.subjectId) return [{ field: `basisRecordIds[${i}]`, message: 'no record with this id about the subject' }];
        return r.standing ? [] : [{ field: `basisRecordIds[${i}]`, message: 'the record was revoked or has expired' }];
      });
      if (violations.length > 0) invalid(violations);
      const basis = records.map((r) => r!);
      assertRegionScope(principal, basis[0].region);
      const entry = await this.ledger.propose(manager, {
        listType,
        subject: { kind: basis[0].subjectKind, id: basis[0].subjectId, name: basis[0].subjectName },
        region: basis[0].region,
        origin: 'manual',
        ruleId: null,
        basis: basis.map((r) => ({ kind: 'record', recordId: r.recordId, recordType: r.recordType, decisionDate: r.decisionDate })),
        grounds: request.grounds.trim(),
        durationMonths: request.durationMonths > 0 ? request.durationMonths : undefined,
        proposedOn: today(),
      });
      return entry!;
    });
  }

  async decide(principal: Principal, request: measuresV1.DecideListEntryRequest): Promise<ListWriteResult> {
    assertScope(principal, Scopes.RecordsWrite);
    if (request.outcome !== 'confirm' && request.outcome !== 'drop') invalid([{ field: 'outcome', message: 'must be confirm or drop' }]);
    if (request.outcome === 'confirm' && !request.documentNumber.trim()) invalid([{ field: 'documentNumber', message: 'a confirmation needs the decision document number' }]);
    const asked = { entryId: request.entryId, outcome: request.outcome, documentNumber: request.documentNumber.trim(), reason: request.reason.trim() };
    return this.writeOnce(principal, request.idempotencyKey ?? '', 'decide', asked, async (manager) => {
      const entry = UUID.test(request.entryId) ? await listEntries.lock(manager, request.entryId) : undefined;
      if (!entry) throw DomainError.notFound(ListEntryErrorCode.NotFound, `No list entry ${request.entryId}.`);
      this.cache.hold(entry.subject.id);
      assertRegionScope(principal, entry.region);
      const decided = decide(entry, { outcome: request.outcome as 'confirm' | 'drop', decidedOn: today(), decidedBy: principal.clientId, documentNumber: request.documentNumber.trim(), reason: request.reason.trim() });
      return this.ledger.save(manager, decided);
    });
  }

  async ofSubject(principal: Principal, subjectId: string): Promise<ListEntry[]> {
    assertScope(principal, Scopes.RecordsRead);
    if (!subjectId) invalid([{ field: 'subjectId', message: 'is required' }]);
    return listEntries.ofSubject(this.dataSource.manager, subjectId);
  }

  /** A partner region's entry, recognised as decided there (Suzhou, Wuxi, Changzhou, Nantong share key-watch lists). */
  async importFromPartner(principal: Principal, request: measuresV1.ImportPartnerEntryRequest): Promise<{ entry: ListEntry; replayed: boolean }> {
    assertScope(principal, Scopes.ExchangeWrite);
    const listType = listTypeOf(request.listType);
    const p = request.provenance;
    const violations: FieldViolation[] = [];
    let subjectId = '';
    if (!request.subject || !isSubjectKind(request.subject.kind) || !request.subject.id || !request.subject.name) {
      violations.push({ field: 'subject', message: 'kind, id and name are required' });
    } else {
      // The subject need not be known here (recognising a partner's entry is how its measures
      // reach us before any record does), but it must be a subject that can exist: a valid
      // identifier of its kind (USCC check character, citizen ID, plate), kept in canonical form.
      const id = subjectIdOf(request.subject.kind, request.subject.id, { today: today() });
      if (id.ok) subjectId = id.value;
      else violations.push({ field: 'subject.id', message: `not a valid ${request.subject.kind} identifier: ${id.message}`, code: id.reason });
    }
    if (!p || !p.partnerRegion || !p.partnerName || !p.sourceReference || !isIsoDate(p.decidedOn)) violations.push({ field: 'provenance', message: 'partnerRegion, partnerName, sourceReference and decidedOn are required' });
    if (!isIsoDate(request.startsOn)) violations.push({ field: 'startsOn', message: 'must be a date (YYYY-MM-DD)' });
    if (request.endsOn && (!isIsoDate(request.endsOn) || request.endsOn < request.startsOn)) violations.push({ field: 'endsOn', message: 'must be a date on or after startsOn' });
    if (violations.length > 0) invalid(violations);
    // A partner speaks only for its own region.
    assertRegionScope(principal, p!.partnerRegion, 'provenance.partnerRegion');
    const entry = importFromPartner({
      id: uuidv7(),
      listType,
      subject: { kind: request.subject!.kind as ListEntry['subject']['kind'], id: subjectId, name: request.subject!.name },
      region: request.region || p!.partnerRegion,
      basis: [],
      grounds: request.grounds || `${p!.partnerName} ${listType}`,
      provenance: { partnerRegion: p!.partnerRegion, partnerName: p!.partnerName, sourceReference: p!.sourceReference, decidedOn: p!.decidedOn },
      startsOn: request.startsOn,
      endsOn: request.endsOn || null,
      importedOn: today(),
    });
    this.cache.hold(subjectId);
    const result = await this.dataSource.transaction(async (manager) => {
      if (await this.ledger.add(manager, entry)) return { entry, replayed: false };
      const rows: { id: string }[] = await manager.query(`SELECT id FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' = $1 AND provenance->>'sourceReference' = $2`, [p!.partnerRegion, p!.sourceReference]);
      return { entry: (await listEntries.get(manager, rows[0].id))!, replayed: true };
    });
    // In force at once: this replica's decisions must see it from the answer on.
    if (!result.replayed) this.cache.invalidate(result.entry.subject.id);
    return result;
  }
}
