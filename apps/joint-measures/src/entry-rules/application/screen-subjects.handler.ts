import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, isIsoDate } from '@domain/calendar';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError, type FieldViolation } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { ListEntryLedger } from '../../lists/application/list-entry-ledger';
import { isInForce, remove, type ListEntry } from '../../lists/domain/list-entry';
import type { ScreeningRule } from '../domain/entry-rule';
import { EntryRuleErrorCode } from '../domain/entry-rule-errors';
import { evaluateScreeningRule, screenedRecordTypes, type UnmetCriterion } from '../domain/screening-rule';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleStore } from './entry-rule-store';

export interface ScreenSubjectsCommand {
  ruleId: string;
  /** YYYY-MM-DD; empty: today (China). */
  asOf: string;
  documentNumber: string;
}

export type ScreeningOutcomeKind = 'listed' | 'kept' | 'ended' | 'not-listed';

export interface ScreenedSubject {
  subject: ListEntry['subject'];
  region: string;
  outcome: ScreeningOutcomeKind;
  entryId: string | null;
  unmet: UnmetCriterion[];
}

export interface ScreeningReport {
  ruleId: string;
  listType: string;
  asOf: string;
  subjects: ScreenedSubject[];
}

const grounds = (rule: ScreeningRule) => `${rule.title}（${rule.legalBasis}）`;

/**
 * A screening run (筛选认定, ADR 0052): the list owner screens the subjects of a screening rule's
 * regions as of a day. A subject meeting every criterion is listed, in force at once; one already
 * listed by the rule keeps its entry (re-running the same day adds nothing); an entry of a subject
 * that no longer meets them is ended; every subject not listed is reported with what it misses.
 * Candidates are the subjects of the rule's kinds in its regions that records were collected about
 * or, for vessels, that the subject registry lists (`registry_vessels`): a registered ship with no
 * record yet is reported with the criteria it misses.
 */
@Injectable()
export class ScreenSubjectsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: EntryRuleStore,
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: ScreenSubjectsCommand): Promise<ScreeningReport> {
    assertScope(principal, Scopes.RecordsWrite);
    const today = chinaDateOf(new Date());
    const asOf = command.asOf || today;
    const violations: FieldViolation[] = [];
    if (!command.ruleId) violations.push({ field: 'ruleId', message: 'is required' });
    if (!isIsoDate(asOf) || asOf > today) violations.push({ field: 'asOf', message: 'must be a date (YYYY-MM-DD), not in the future' });
    if (command.documentNumber.length > 100) violations.push({ field: 'documentNumber', message: 'at most 100 characters' });
    if (violations.length > 0) throw DomainError.validation(EntryRuleErrorCode.ScreeningInvalid, violations);

    const report = await this.dataSource.transaction(async (manager) => {
      const rule = await this.screeningRule(manager, command.ruleId);
      rule.regions.forEach((region) => assertRegionScope(principal, region, 'ruleId'));
      // One screening of a rule at a time: a second run waits and then finds the first one's entries.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('screening:' || $1))`, [rule.id]);
      return this.screen(manager, rule, asOf, { decidedBy: principal.clientId, documentNumber: command.documentNumber.trim() });
    });
    for (const s of report.subjects) if (s.outcome !== 'not-listed') this.cache.invalidate(s.subject.id);
    return report;
  }

  private async screeningRule(manager: EntityManager, ruleId: string): Promise<ScreeningRule> {
    const { rules } = await this.rules.current(manager);
    const rule = rules.find((r) => r.id === ruleId);
    if (!rule) throw DomainError.notFound(EntryRuleErrorCode.UnknownRule, `No entry rule ${ruleId} is in force.`);
    if (rule.kind !== 'screening')
      throw DomainError.validation(EntryRuleErrorCode.ScreeningInvalid, [
        { field: 'ruleId', message: `rule ${ruleId} is a ${rule.kind} rule, run on events; only screening rules are screened` },
      ]);
    return rule;
  }

  private async screen(manager: EntityManager, rule: ScreeningRule, asOf: string, by: { decidedBy: string; documentNumber: string }): Promise<ScreeningReport> {
    const candidates = await subjectFacts.subjectsInRegions(manager, rule.subjectKinds, rule.regions);
    const ids = candidates.map((c) => c.id);
    const records = await subjectFacts.screenedRecordsOf(manager, ids, screenedRecordTypes(rule));
    const open = await this.ledger.lockOpenOfSubjects(manager, ids);
    const subjects: ScreenedSubject[] = [];
    for (const candidate of candidates) {
      const mine = open.filter((e) => e.subject.id === candidate.id);
      const own = mine.find((e) => e.ruleId === rule.id && e.listType === rule.listType);
      const outcome = evaluateScreeningRule(
        rule,
        {
          records: records.filter((r) => r.subjectId === candidate.id),
          // On a list means an entry in force that day: one still in its notice period has not taken effect.
          openListTypes: mine.filter((e) => e !== own && isInForce(e, asOf)).map((e) => e.listType),
          grades: await subjectFacts.gradesOf(manager, candidate.id),
        },
        asOf,
      );
      const subject = { kind: candidate.kind, id: candidate.id, name: candidate.name };
      const base = { subject, region: candidate.region, unmet: outcome.unmet };
      if (outcome.met && own) {
        subjects.push({ ...base, outcome: 'kept', entryId: own.id });
      } else if (outcome.met) {
        const entry = await this.ledger.recognise(
          manager,
          {
            listType: rule.listType,
            subject,
            region: candidate.region,
            origin: 'rule',
            ruleId: rule.id,
            basis: outcome.basis.map((r) => ({ kind: 'record', recordId: r.recordId, recordType: r.recordType, decisionDate: r.decisionDate })),
            grounds: grounds(rule),
            durationMonths: rule.durationMonths,
            proposedOn: asOf,
          },
          { decidedOn: asOf, decidedBy: by.decidedBy, documentNumber: by.documentNumber, reason: `筛选认定（${asOf}）：符合全部准入条件` },
        );
        subjects.push({ ...base, outcome: 'listed', entryId: entry?.id ?? null });
      } else if (own) {
        const detail = `筛选认定（${asOf}）不再符合：${outcome.unmet.map((u) => `${u.criterion}（${u.detail}）`).join('；')}`;
        await this.ledger.save(manager, remove(own, 'screening-unmet', asOf, detail));
        subjects.push({ ...base, outcome: 'ended', entryId: own.id });
      } else {
        subjects.push({ ...base, outcome: 'not-listed', entryId: null });
      }
    }
    return { ruleId: rule.id, listType: rule.listType, asOf, subjects };
  }
}
