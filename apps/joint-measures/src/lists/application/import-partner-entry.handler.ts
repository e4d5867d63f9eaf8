import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { isIsoDate } from '@domain/calendar';
import { isSubjectKind, subjectIdOf } from '@domain/credit';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import type { FieldViolation } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { importFromPartner, type ListEntry } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import type { ImportPartnerEntryCommand, ImportPartnerEntryResult } from './import-partner-entry.command';
import { ListEntryLedger } from './list-entry-ledger';
import { invalid, listTypeOf, today } from './list-writes';

/**
 * A partner region's entry, recognised as decided there (Suzhou, Wuxi, Changzhou, Nantong share
 * key-watch lists): effective at once. The partner's source reference identifies it, so importing
 * it again answers the entry imported first (`replayed`).
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
    if (violations.length > 0) invalid(violations);
    // A partner speaks only for its own region.
    assertRegionScope(principal, p!.partnerRegion, 'provenance.partnerRegion');
    const entry = importFromPartner({
      id: uuidv7(),
      listType,
      subject: { kind: command.subject!.kind as ListEntry['subject']['kind'], id: subjectId, name: command.subject!.name },
      region: command.region || p!.partnerRegion,
      basis: [],
      grounds: command.grounds || `${p!.partnerName} ${listType}`,
      provenance: { partnerRegion: p!.partnerRegion, partnerName: p!.partnerName, sourceReference: p!.sourceReference, decidedOn: p!.decidedOn },
      startsOn: command.startsOn,
      endsOn: command.endsOn || null,
      importedOn: today(),
    });
    this.cache.hold(subjectId);
    const result = await this.dataSource.transaction(async (manager) => {
      if (await this.ledger.add(manager, entry)) return { entry, replayed: false };
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM list_entries WHERE origin = 'partner-import' AND provenance->>'partnerRegion' = $1 AND provenance->>'sourceReference' = $2`,
        [p!.partnerRegion, p!.sourceReference],
      );
      return { entry: (await listEntries.get(manager, rows[0].id))!, replayed: true };
    });
    // In force at once: this replica's decisions must see it from the answer on.
    if (!result.replayed) this.cache.invalidate(result.entry.subject.id);
    return result;
  }
}
