import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { isIsoDate } from '@domain/calendar';
import { isSubjectKind, subjectIdOf } from '@domain/credit';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import type { FieldViolation } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { importFromPartner, updateFromPartner, type ListEntry, type PartnerRecognition } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import type { ImportPartnerEntryCommand, ImportPartnerEntryResult } from './import-partner-entry.command';
import { ListEntryLedger } from './list-entry-ledger';
import { invalid, listTypeOf, today } from './list-writes';

/**
 * A partner region's entry (Suzhou, Wuxi, Changzhou, Nantong share key-watch lists, DOMAIN.md §4),
 * stored with its provenance. It is in force here only when the recognition agreement with the
 * sender applies it (the gateway's finding, `recognition`; absent means not applied): otherwise it
 * is kept as `not-applied`, visible to admins and its sender, never in force (issue 20, ADR 0067).
 * A partner speaks only for its own region: the entry's region and provenance lie in the caller's.
 * The partner's source reference identifies it, so importing it again answers the entry held
 * (`replayed`), unless it is a newer version of it (`sourceVersion`, ADR 0087): then the entry held
 * is updated (another term, the agreement checked again) or restored (in force again after the
 * partner withdrew it), under the rules of `updateFromPartner`.
 */
@Injectable()
export class ImportPartnerEntryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: ImportPartnerEntryCommand): Promise<ImportPartnerEntryResult> {
    assertScope(principal, Scopes.ExchangeWrite);
    const listType = listTypeOf(command.listType);
    const p = command.provenance;
    const violations: FieldViolation[] = [];
    let subjectId = '';
    if (!command.subject || !isSubjectKind(command.subject.kind) || !command.subject.id || !command.subject.name) {
      violations.push({ field: 'subject', message: 'kind, id and name are required' });
    } else {
      // The subject need not be known here (recognising a partner's entry is how its measures
      // reach us before any record does), but it must be a subject that can exist: a valid
      // identifier of its kind (USCC check character, citizen ID, plate), kept in canonical form.
      const id = subjectIdOf(command.subject.kind, command.subject.id, { today: today() });
      if (id.ok) subjectId = id.value;
      else violations.push({ field: 'subject.id', message: `not a valid ${command.subject.kind} identifier: ${id.message}`, code: id.reason });
    }
    if (!p || !p.partnerRegion || !p.partnerName || !p.sourceReference || !isIsoDate(p.decidedOn))
      violations.push({ field: 'provenance', message: 'partnerRegion, partnerName, sourceReference and decidedOn are required' });
    if (!isIsoDate(command.startsOn)) violations.push({ field: 'startsOn', message: 'must be a date (YYYY-MM-DD)' });
    if (command.endsOn && (!isIsoDate(command.endsOn) || command.endsOn < command.startsOn))
      violations.push({ field: 'endsOn', message: 'must be a date on or after startsOn' });
    const sourceVersion = command.sourceVersion ?? 0;
    if (!Number.isInteger(sourceVersion) || sourceVersion < 0) violations.push({ field: 'version', message: 'must be a positive integer' });
    if (violations.length > 0) invalid(violations);
    // A partner speaks only for its own region: neither its provenance nor the entry's region may name another.
    assertRegionScope(principal, p!.partnerRegion, 'provenance.partnerRegion');
    if (command.region) assertRegionScope(principal, command.region, 'region');
    const entry = importFromPartner({
      id: uuidv7(),
      listType,
      subject: { kind: command.subject!.kind as ListEntry['subject']['kind'], id: subjectId, name: command.subject!.name },
      region: command.region || p!.partnerRegion,
      basis: [],
      grounds: command.grounds || `${p!.partnerName} ${listType}`,
      provenance: {
        partnerRegion: p!.partnerRegion,
        partnerName: p!.partnerName,
        sourceReference: p!.sourceReference,
        decidedOn: p!.decidedOn,
        ...(p!.documentNumber && { documentNumber: p!.documentNumber }),
      },
      startsOn: command.startsOn,
      endsOn: command.endsOn || null,
      importedOn: today(),
      recognition: recognitionOf(command.recognition),
      sourceVersion: sourceVersion || null,
    });
    this.cache.hold(subjectId);
    const result = await this.dataSource.transaction(async (manager): Promise<ImportPartnerEntryResult> => {
      if (await this.ledger.add(manager, entry)) return { entry, replayed: false, change: 'imported' };
      return this.sentAgain(manager, entry);
    });
    // In force (or changed) at once: this replica's decisions must see it from the answer on.
    if (!result.replayed) this.cache.invalidate(result.entry.subject.id);
    return result;
  }

  /** The reference is held: the same or an older version changes nothing; a newer one updates or restores the entry held. */
  private async sentAgain(manager: EntityManager, sent: ListEntry): Promise<ImportPartnerEntryResult> {
    const held = (await listEntries.lockOfPartnerReference(manager, sent.provenance!.partnerRegion, sent.provenance!.sourceReference))!;
    const update = updateFromPartner(held, sent, today());
    if (update.change === 'unchanged') {
      // A newer version saying what is held: only the version held moves (nothing to announce).
      if (update.entry) await this.ledger.saveFromPartner(manager, held, update.entry, false);
      return { entry: update.entry ?? held, replayed: true, change: 'replayed' };
    }
    return { entry: await this.ledger.saveFromPartner(manager, held, update.entry), replayed: false, change: update.change };
  }
}

/** The gateway's finding; none (or one this service cannot read) means not applied, never the reverse. */
function recognitionOf(given: ImportPartnerEntryCommand['recognition']): PartnerRecognition {
  if (!given || (given.outcome !== 'applied' && given.outcome !== 'not-applied'))
    return { outcome: 'not-applied', agreement: null, reason: 'no recognition agreement was found for the sender', maxTermMonths: null };
  return {
    outcome: given.outcome,
    agreement: given.agreement || null,
    reason: given.reason,
    maxTermMonths: given.maxTermMonths > 0 ? given.maxTermMonths : null,
  };
}
