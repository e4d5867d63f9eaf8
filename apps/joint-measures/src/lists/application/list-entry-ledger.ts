import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events, type EventDefinition, type ListEntryV1 } from '@contracts';
import type { WorkingDayCalendar } from '@domain/calendar';
import { OutboxPublisher } from '@platform/service';
import { propose, recognise, type Decision, type ListEntry, type Proposal } from '../domain/list-entry';
import type { ListPolicies } from '../domain/list-policy';
import { entryView, listEntries } from '../infrastructure/list-entry.repository';
import { LIST_CALENDAR, LIST_POLICIES } from './lists.tokens';

/** A partner's entry that is not applied here is never announced: nothing here reacts to it (ADR 0067). */
const EVENT_OF_STATUS: Record<ListEntry['status'], EventDefinition<ListEntryV1> | null> = {
  proposed: Events.ListEntryProposed,
  effective: Events.ListEntryEffective,
  dropped: Events.ListEntryDropped,
  removed: Events.ListEntryRemoved,
  'not-applied': null,
};

/**
 * Writes list entries and announces each change (measures.list-entries.*) in the caller's
 * transaction: the entry and its event commit together (ARCHITECTURE.md §4).
 */
@Injectable()
export class ListEntryLedger {
  constructor(
    private readonly outbox: OutboxPublisher,
    @Inject(LIST_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(LIST_POLICIES) private readonly policies: ListPolicies,
  ) {}

  /** Opens the notice period; undefined when the same rule already has an open entry for the subject. */
  async propose(manager: EntityManager, proposal: Omit<Proposal, 'id'>): Promise<ListEntry | undefined> {
    const entry = propose({ ...proposal, id: uuidv7() }, this.policies.of(proposal.listType), this.calendar);
    return (await this.add(manager, entry)) ? entry : undefined;
  }

  /** Lists a subject the owner recognised by screening, in force at once (ADR 0052); undefined when the rule already has an open entry for it. */
  async recognise(manager: EntityManager, proposal: Omit<Proposal, 'id'>, decision: Omit<Decision, 'outcome'>): Promise<ListEntry | undefined> {
    const entry = recognise({ ...proposal, id: uuidv7() }, this.policies.of(proposal.listType), decision);
    return (await this.add(manager, entry)) ? entry : undefined;
  }

  /** Open entries of these subjects, locked for change. */
  lockOpenOfSubjects(manager: EntityManager, subjectIds: readonly string[]): Promise<ListEntry[]> {
    return listEntries.lockOpenOfSubjects(manager, subjectIds);
  }

  /** Stores a new entry (proposed, or effective for a partner import) and announces it. */
  async add(manager: EntityManager, entry: ListEntry): Promise<boolean> {
    if (!(await listEntries.insert(manager, entry))) return false;
    await this.announce(manager, entry);
    return true;
  }

  async save(manager: EntityManager, entry: ListEntry): Promise<ListEntry> {
    await listEntries.update(manager, entry);
    await this.announce(manager, entry);
    return entry;
  }

  /**
   * A partner's entry withdrawn by its sender: announced as removed only when it had been
   * announced at all (in force here); a not-applied entry was never anyone's concern.
   */
  async saveWithdrawal(manager: EntityManager, before: ListEntry, withdrawn: ListEntry): Promise<ListEntry> {
    await listEntries.update(manager, withdrawn);
    if (before.status !== 'not-applied') await this.announce(manager, withdrawn);
    return withdrawn;
  }

  /**
   * A partner's entry changed by a newer version it sent (ADR 0087). Announced as its new state
   * when it is in force (another term, or restored); announced as removed when the agreement,
   * checked again, no longer applies it (measures and disclosure stop). A version that changed
   * nothing here (`announce: false`), or an entry not applied before or after, is not announced.
   */
  async saveFromPartner(manager: EntityManager, before: ListEntry, after: ListEntry, announce = true): Promise<ListEntry> {
    await listEntries.updateFromPartner(manager, after);
    if (!announce) return after;
    if (after.status === 'not-applied' && before.status === 'effective') await this.announceAs(manager, Events.ListEntryRemoved, after);
    else await this.announce(manager, after);
    return after;
  }

  /** Open (proposed or effective) entries whose basis names the record, locked for change. */
  lockOpenWithRecord(manager: EntityManager, recordId: string): Promise<ListEntry[]> {
    return listEntries.lockOpenWithRecord(manager, recordId);
  }

  /** Which rules already have an open entry for each of these subjects (a proposal for them does nothing). */
  openRuleKeys(manager: EntityManager, subjectIds: readonly string[]): Promise<{ listType: string; subjectId: string; ruleId: string }[]> {
    return listEntries.openRuleKeys(manager, subjectIds);
  }

  /** Narrows an open entry's basis to the records its rule still holds on; nothing is announced (the entry stays as it was). */
  async narrowBasis(manager: EntityManager, entry: ListEntry, basis: ListEntry['basis']): Promise<void> {
    await listEntries.update(manager, { ...entry, basis });
  }

  private async announce(manager: EntityManager, entry: ListEntry): Promise<void> {
    const event = EVENT_OF_STATUS[entry.status];
    if (event) await this.announceAs(manager, event, entry);
  }

  private async announceAs(manager: EntityManager, event: EventDefinition<ListEntryV1>, entry: ListEntry): Promise<void> {
    await this.outbox.append(manager, event, { subjectId: entry.subject.id, region: entry.region, data: entryView(entry) });
  }
}
