import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SubjectKind } from '@domain/credit';
import { remove, type BasisItem, type ListEntry, type Proposal } from '../../lists/domain/list-entry';
import { ListEntryLedger } from '../../lists/application/list-entry-ledger';
import {
  appliesTo,
  evaluateFleetRule,
  evaluateRecordRule,
  isCountingRule,
  ruleListType,
  type EntryRule,
  type FleetShareRule,
  type RecordCountRule,
  type RuleOutcome,
  type StandingRecord,
} from '../domain/entry-rule';
import { evaluateGradeRule, type CycleGrade } from '../domain/grade-rule';
import type { CarrierFleet, RecordFacts } from '../domain/record-facts';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleStore } from './entry-rule-store';

export interface SubjectOfFacts {
  kind: SubjectKind;
  id: string;
  name: string;
  region: string;
}

type CountingRule = RecordCountRule | FleetShareRule;

const recordBasis = (r: StandingRecord): BasisItem => ({ kind: 'record', recordId: r.recordId, recordType: r.recordType, decisionDate: r.decisionDate });
const ENDED = { 'basis-revoked': 'was revoked', 'basis-expired': 'reached the end of its publicity', repair: 'was repaired (信用修复)' } as const;
const grounds = (rule: EntryRule) => `${rule.title}（${rule.legalBasis}）`;

/**
 * Runs the entry rules when the facts about a subject change, inside the consumer's transaction:
 * a rule that now holds proposes an entry (once per rule and subject), and an entry whose basis
 * record was revoked or expired is re-checked and removed when its rule no longer holds.
 */
@Injectable()
export class EntryRuleEngine {
  constructor(
    private readonly rules: EntryRuleStore,
    private readonly ledger: ListEntryLedger,
  ) {}

  /** A record now counts (created or corrected): propose what its rules call for. */
  async onRecordStanding(manager: EntityManager, record: RecordFacts, today: string): Promise<ListEntry[]> {
    const { rules } = await this.rules.current(manager);
    const proposed: ListEntry[] = [];
    for (const rule of rules) {
      if (!isCountingRule(rule) || !appliesTo(rule, record.subjectKind, record.recordType)) continue;
      const entry = await this.proposeIfMet(
        manager,
        rule,
        { kind: record.subjectKind, id: record.subjectId, name: record.subjectName, region: record.region },
        today,
      );
      if (entry) proposed.push(entry);
    }
    return proposed;
  }

  /** A carrier's fleet size was reported: the fleet-share rules are evaluated against it. */
  async onFleetReported(manager: EntityManager, carrier: SubjectOfFacts, today: string): Promise<ListEntry[]> {
    const { rules } = await this.rules.current(manager);
    const proposed: ListEntry[] = [];
    for (const rule of rules) {
      if (rule.kind !== 'fleet-share' || !appliesTo(rule, carrier.kind)) continue;
      const entry = await this.proposeIfMet(manager, rule, carrier, today);
      if (entry) proposed.push(entry);
    }
    return proposed;
  }

  private async proposeIfMet(manager: EntityManager, rule: CountingRule, subject: SubjectOfFacts, today: string): Promise<ListEntry | undefined> {
    const outcome = await this.evaluate(manager, rule, subject.id, today);
    if (!outcome.met) return undefined;
    return this.ledger.propose(manager, proposalOf(rule, subject, outcome, today));
  }

  /** A counting rule over the subject's records of its type; a fleet rule over the carrier's records and reported fleet. */
  private async evaluate(manager: EntityManager, rule: CountingRule, subjectId: string, today: string): Promise<RuleOutcome & { detail?: string }> {
    if (rule.kind === 'record-count') return evaluateRecordRule(rule, await subjectFacts.recordsOf(manager, subjectId, rule.match.recordType), today);
    const records: StandingRecord[] = [];
    for (const recordType of countedTypes(rule)) records.push(...(await subjectFacts.recordsOf(manager, subjectId, recordType)));
    return evaluateCounting(rule, records, await subjectFacts.fleetOf(manager, subjectId), today);
  }

  /**
   * Several records were stored together (a batch of creations, ADR 0033), each given as it was
   * before (undefined: unknown) and as stored, in stream order: proposes exactly what
   * `onRecordStanding` after each one's store would have. The subjects' records are read once
   * (after the store) and rolled back in memory to before the batch; then the batch is replayed
   * record by record and each rule the record triggers is evaluated on the records as they stood
   * at that point. A rule with an open entry for the subject (before the batch, or proposed earlier
   * in it) is not evaluated: its proposal would do nothing (list_entries_open_per_rule). Record
   * ids must be distinct.
   */
  async onRecordsStored(manager: EntityManager, changes: readonly { before?: RecordFacts; stored: RecordFacts }[], today: string): Promise<ListEntry[]> {
    const { rules } = await this.rules.current(manager);
    const counting = rules.filter(isCountingRule);
    const triggered = changes.map(({ stored }) => (stored.standing ? counting.filter((rule) => appliesTo(rule, stored.subjectKind, stored.recordType)) : []));
    const subjectIds = [...new Set(changes.filter((_, i) => triggered[i].length > 0).map((c) => c.stored.subjectId))];
    if (subjectIds.length === 0) return [];

    const recordTypes = [...new Set(counting.flatMap(countedTypes))];
    const records = new RecordsBySubject(await subjectFacts.recordsOfSubjects(manager, subjectIds, recordTypes));
    for (const { before, stored } of changes) {
      records.remove(stored.recordId);
      if (before) records.put(before);
    }
    const openKey = (rule: CountingRule, subjectId: string) => JSON.stringify([rule.listType, subjectId, rule.id]);
    const open = new Set((await this.ledger.openRuleKeys(manager, subjectIds)).map((k) => JSON.stringify([k.listType, k.subjectId, k.ruleId])));
    const needsFleet = counting.some((rule) => rule.kind === 'fleet-share');
    const fleets = needsFleet ? await subjectFacts.fleetsOf(manager, subjectIds) : new Map<string, CarrierFleet>();

    const proposals: Omit<Proposal, 'id'>[] = [];
    changes.forEach(({ stored }, i) => {
      records.remove(stored.recordId);
      records.put(stored);
      for (const rule of triggered[i]) {
        const key = openKey(rule, stored.subjectId);
        if (open.has(key)) continue;
        const outcome = evaluateCounting(rule, records.of(stored.subjectId), fleets.get(stored.subjectId), today);
        if (!outcome.met) continue;
        open.add(key);
        proposals.push(proposalOf(rule, { kind: stored.subjectKind, id: stored.subjectId, name: stored.subjectName, region: stored.region }, outcome, today));
      }
    });
    const proposed: ListEntry[] = [];
    for (const proposal of proposals) {
      const entry = await this.ledger.propose(manager, proposal);
      if (entry) proposed.push(entry);
    }
    return proposed;
  }

  /**
   * A record stopped counting. Entries resting on it are re-checked: a rule entry stays while its
   * rule still holds on the remaining records (the basis is narrowed); otherwise, and always for a
   * manual entry, it is removed.
   */
  async onRecordEnded(manager: EntityManager, recordId: string, reason: 'basis-revoked' | 'basis-expired' | 'repair', today: string): Promise<ListEntry[]> {
    const affected = await this.ledger.lockOpenWithRecord(manager, recordId);
    if (affected.length === 0) return [];
    const { rules } = await this.rules.current(manager);
    const removed: ListEntry[] = [];
    for (const entry of affected) {
      const ruleOfEntry = rules.find((r) => r.id === entry.ruleId);
      // A screening entry rests on counted records (port calls) the next screening re-checks: one ending narrows it.
      if (entry.origin === 'rule' && ruleOfEntry?.kind === 'screening' && entry.basis.length > 1) {
        await this.ledger.narrowBasis(
          manager,
          entry,
          entry.basis.filter((b) => b.kind !== 'record' || b.recordId !== recordId),
        );
        continue;
      }
      const rule = ruleOfEntry && isCountingRule(ruleOfEntry) ? ruleOfEntry : undefined;
      if (entry.origin === 'rule' && rule) {
        const outcome = await this.evaluate(manager, rule, entry.subject.id, today);
        if (outcome.met) {
          await this.ledger.narrowBasis(manager, entry, outcome.basis.map(recordBasis));
          continue;
        }
      }
      const detail = `record ${recordId} ${ENDED[reason]}`;
      removed.push(await this.ledger.save(manager, remove(entry, reason, today, detail)));
    }
    return removed;
  }

  /** A closed cycle's grade for a subject (fed by `evaluation.cycle-grades.recorded`, GradeEventsConsumer). */
  async onCycleGrade(manager: EntityManager, subject: SubjectOfFacts, grade: CycleGrade, today: string, recordedAt = new Date()): Promise<ListEntry[]> {
    await subjectFacts.putGrade(manager, subject, grade, recordedAt);
    const { rules } = await this.rules.current(manager);
    const history = await subjectFacts.gradesOf(manager, subject.id);
    const proposed: ListEntry[] = [];
    for (const rule of rules) {
      if (rule.kind !== 'grade-history' || !appliesTo(rule, subject.kind) || !rule.schemeIds.includes(grade.schemeId)) continue;
      const outcome = evaluateGradeRule(rule, history);
      if (!outcome.met) continue;
      const entry = await this.ledger.propose(manager, {
        listType: ruleListType(rule),
        subject: { kind: subject.kind, id: subject.id, name: subject.name },
        region: subject.region,
        origin: 'rule',
        ruleId: rule.id,
        basis: outcome.basis.map((g) => ({ kind: 'grade', schemeId: g.schemeId, cycle: g.cycle, grade: g.grade, pointsDeducted: g.pointsDeducted })),
        grounds: grounds(rule),
        durationMonths: rule.durationMonths,
        proposedOn: today,
      });
      if (entry) proposed.push(entry);
    }
    return proposed;
  }
}

/** The record types a counting rule reads. */
function countedTypes(rule: CountingRule): string[] {
  return [...new Set([rule.match.recordType, ...(rule.kind === 'fleet-share' && rule.alsoRequires ? [rule.alsoRequires.recordType] : [])])];
}

/**
 * A counting rule over a subject's records (any types: the rule picks its own) and, for a fleet
 * rule, the carrier's fleet (reported, else counted from the registry).
 */
function evaluateCounting(
  rule: CountingRule,
  records: readonly StandingRecord[],
  fleet: CarrierFleet | undefined,
  today: string,
): RuleOutcome & { detail?: string } {
  if (rule.kind === 'record-count') return evaluateRecordRule(rule, records, today);
  let outcome = evaluateFleetRule(rule, records, fleet?.vehicles ?? null, today);
  // A registry that lists fewer vehicles for the carrier than it had violating is evidently
  // incomplete (still being imported): its count is not used, as no count is guessed (ADR 0044).
  if (fleet?.origin === 'registry' && fleet.vehicles < outcome.vehicles.length) {
    outcome = evaluateFleetRule(rule, records, null, today);
    return { ...outcome, detail: undefined };
  }
  return {
    ...outcome,
    detail: fleet ? `违法超限运输车辆${outcome.vehicles.length}辆，车辆总数${fleet.vehicles}辆（${fleet.asOf}，${fleet.source}）` : undefined,
  };
}

function proposalOf(rule: CountingRule, subject: SubjectOfFacts, outcome: RuleOutcome & { detail?: string }, today: string): Omit<Proposal, 'id'> {
  return {
    listType: ruleListType(rule),
    subject: { kind: subject.kind, id: subject.id, name: subject.name },
    region: subject.region,
    origin: 'rule',
    ruleId: rule.id,
    basis: outcome.basis.map(recordBasis),
    grounds: outcome.detail ? `${grounds(rule)}：${outcome.detail}` : grounds(rule),
    durationMonths: rule.durationMonths,
    proposedOn: today,
  };
}

/** Records kept in memory by subject, replaced by record id (a record may move to another subject). */
class RecordsBySubject {
  private readonly byId = new Map<string, RecordFacts>();
  private readonly bySubject = new Map<string, Map<string, RecordFacts>>();

  constructor(records: readonly RecordFacts[]) {
    for (const record of records) this.put(record);
  }

  put(record: RecordFacts): void {
    this.remove(record.recordId);
    this.byId.set(record.recordId, record);
    let ofSubject = this.bySubject.get(record.subjectId);
    if (!ofSubject) this.bySubject.set(record.subjectId, (ofSubject = new Map()));
    ofSubject.set(record.recordId, record);
  }

  remove(recordId: string): void {
    const known = this.byId.get(recordId);
    if (!known) return;
    this.byId.delete(recordId);
    this.bySubject.get(known.subjectId)?.delete(recordId);
  }

  of(subjectId: string): RecordFacts[] {
    return [...(this.bySubject.get(subjectId)?.values() ?? [])];
  }
}
