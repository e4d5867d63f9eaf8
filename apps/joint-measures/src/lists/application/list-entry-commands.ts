import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { measuresV1 } from '@contracts';
import { chinaDateOf, isIsoDate } from '@domain/calendar';
import { isCreditListType, isSubjectKind, type CreditListType } from '@domain/credit';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, type FieldViolation } from '@platform/errors';
import { subjectFacts } from '../../entry-rules/infrastructure/subject-facts.repository';
import { decide, importFromPartner, isInForce, ListEntryErrorCode, type ListEntry } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import { ListEntryLedger } from './list-entry-ledger';

const today = () => chinaDateOf(new Date());
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
  ) {}

  /**
   * A unit proposes an entry resting on records it can name. The subject must be known to the
   * platform (records about it were collected) and every basis record must be about it and still
   * count; the entry belongs to the region of its records, which the caller must cover.
   */
  async propose(principal: Principal, request: measuresV1.ProposeListEntryRequest): Promise<ListEntry> {
    assertScope(principal, Scopes.RecordsWrite);
    const listType = listTypeOf(request.listType);
    if (!request.subjectId) invalid([{ field: 'subjectId', message: 'is required' }]);
    if (request.basisRecordIds.length === 0) invalid([{ field: 'basisRecordIds', message: 'name at least one record the entry rests on' }]);
    if (!request.grounds.trim()) invalid([{ field: 'grounds', message: 'is required (quoted in the notice to the subject)' }]);
    return this.dataSource.transaction(async (manager) => {
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

  async decide(principal: Principal, request: measuresV1.DecideListEntryRequest): Promise<ListEntry> {
    assertScope(principal, Scopes.RecordsWrite);
    if (request.outcome !== 'confirm' && request.outcome !== 'drop') invalid([{ field: 'outcome', message: 'must be confirm or drop' }]);
    if (request.outcome === 'confirm' && !request.documentNumber.trim()) invalid([{ field: 'documentNumber', message: 'a confirmation needs the decision document number' }]);
    return this.dataSource.transaction(async (manager) => {
      const entry = UUID.test(request.entryId) ? await listEntries.lock(manager, request.entryId) : undefined;
      if (!entry) throw DomainError.notFound(ListEntryErrorCode.NotFound, `No list entry ${request.entryId}.`);
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
    if (!request.subject || !isSubjectKind(request.subject.kind) || !request.subject.id || !request.subject.name) violations.push({ field: 'subject', message: 'kind, id and name are required' });
    if (!p || !p.partnerRegion || !p.partnerName || !p.sourceReference || !isIsoDate(p.decidedOn)) violations.push({ field: 'provenance', message: 'partnerRegion, partnerName, sourceReference and decidedOn are required' });
    if (!isIsoDate(request.startsOn)) violations.push({ field: 'startsOn', message: 'must be a date (YYYY-MM-DD)' });
    if (request.endsOn && (!isIsoDate(request.endsOn) || request.endsOn < request.startsOn)) violations.push({ field: 'endsOn', message: 'must be a date on or after startsOn' });
    if (violations.length > 0) invalid(violations);
    // A partner speaks only for its own region.
    assertRegionScope(principal, p!.partnerRegion, 'provenance.partnerRegion');
    const entry = importFromPartner({
      id: uuidv7(),
      listType,
      subject: { kind: request.subject!.kind as ListEntry['subject']['kind'], id: request.subject!.id, name: request.subject!.name },
      region: request.region || p!.partnerRegion,
      basis: [],
      grounds: request.grounds || `${p!.partnerName} ${listType}`,
      provenance: { partnerRegion: p!.partnerRegion, partnerName: p!.partnerName, sourceReference: p!.sourceReference, decidedOn: p!.decidedOn },
      startsOn: request.startsOn,
      endsOn: request.endsOn || null,
      importedOn: today(),
    });
    return this.dataSource.transaction(async (manager) => {
      if (await this.ledger.add(manager, entry)) return { entry, replayed: false };
      const rows: { id: string }[] = await manager.query(`SELECT id FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' = $1 AND provenance->>'sourceReference' = $2`, [p!.partnerRegion, p!.sourceReference]);
      return { entry: (await listEntries.get(manager, rows[0].id))!, replayed: true };
    });
  }
}
