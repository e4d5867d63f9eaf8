import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, addMonths, WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { chinaToday, cloneTestDatabase, TestDatabase } from '@platform/testing';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { ScreenSubjectsHandler, type ScreenedSubject } from './application/screen-subjects.handler';
import type { RecordFacts } from './domain/record-facts';
import { subjectFacts } from './infrastructure/subject-facts.repository';

/*
 * Screening runs on PostgreSQL (ADR 0052), with the shipped Taicang rule (seed 003 太仓“六无” +
 * 不少于12艘次). Facts are stored as the record consumers store them; the gateway path is
 * test/e2e/seed-taicang.e2e-spec.ts.
 */
const taicang: Principal = { clientId: 'taicang', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '320585' };
const RULE = 'taicang-green-fast-lane';
const today = chinaToday();

describe('screening runs (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let screen: ScreenSubjectsHandler;
  let engine: EntryRuleEngine;
  let ledger: ListEntryLedger;

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-screenings');
    ds = await db.dataSource(jointMeasuresDefinition);
    ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    const store = new EntryRuleStore(ds);
    engine = new EntryRuleEngine(store, ledger);
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 100 });
    screen = new ScreenSubjectsHandler(ds, store, ledger, cache);
  });

  afterAll(async () => {
    await db?.drop();
  }, 30_000);

  let n = 0;
  const vessel = () => `CN2026${String((n += 1)).padStart(7, '0')}`;
  const fact = (subjectId: string, recordType: string, decisionDate: string, payload: Record<string, unknown> = {}, region = '320585'): RecordFacts => ({
    recordId: randomUUID(),
    recordType,
    subjectKind: 'vessel',
    subjectId,
    subjectName: `苏太仓货${subjectId.slice(-4)}`,
    region,
    severity: 'minor',
    decisionDate,
    payload,
    standing: true,
  });
  async function store(records: RecordFacts[]): Promise<void> {
    await ds.transaction(async (m) => {
      for (const r of records) await subjectFacts.putRecord(m, r);
    });
  }
  /** 12 calls at Taicang port within the last year (seed 003: 不少于12艘次). */
  const twelveCalls = (id: string, region?: string) =>
    Array.from({ length: 12 }, (_, i) => fact(id, 'vessel-port-call', addDays(today, -(10 + 20 * i)), { port: '太仓港' }, region));
  const of = (subjects: ScreenedSubject[], id: string) => subjects.find((s) => s.subject.id === id);
  const run = (asOf = today) => screen.execute(taicang, { ruleId: RULE, asOf, documentNumber: '' });

  it('lists once when two runs of the same day race (one lists, the other keeps)', async () => {
    const ship = vessel();
    await store(twelveCalls(ship));
    const [a, b] = await Promise.all([run(), run()]);
    expect([of(a.subjects, ship)?.outcome, of(b.subjects, ship)?.outcome].sort()).toEqual(['kept', 'listed']);
    const rows = await ds.query(`SELECT status, rule_id FROM list_entries WHERE subject_id = $1`, [ship]);
    expect(rows).toEqual([{ status: 'effective', rule_id: RULE }]);
    const events = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE subject LIKE '%list-entries.effective' AND envelope->>'subjectId' = $1`, [ship]);
    expect(events[0].n).toBe(1);
  });

  it('still counts a violation whose publicity ended (一年无违章), but not a revoked one', async () => {
    const [expired, revoked] = [vessel(), vessel()];
    const late = fact(expired, 'administrative-penalty', addMonths(today, -5));
    const wrong = fact(revoked, 'administrative-penalty', addMonths(today, -5));
    await store([...twelveCalls(expired), late, ...twelveCalls(revoked), wrong]);
    await ds.transaction(async (m) => {
      await subjectFacts.endRecord(m, late.recordId, 'expired', { kind: 'vessel', id: expired }, 'administrative-penalty');
      await subjectFacts.endRecord(m, wrong.recordId, 'revoked', { kind: 'vessel', id: revoked }, 'administrative-penalty');
    });
    const report = await run();
    expect(of(report.subjects, expired)).toMatchObject({ outcome: 'not-listed', unmet: [{ criterion: '一年无违章' }] });
    expect(of(report.subjects, revoked)).toMatchObject({ outcome: 'listed', unmet: [] });
  });

  it('screens only the rule’s region (320585), and refuses a client of another region', async () => {
    const kunshan = vessel();
    await store(twelveCalls(kunshan, '320583'));
    expect(of((await run()).subjects, kunshan)).toBeUndefined();
    const suzhouCity: Principal = { ...taicang, clientId: 'kunshan', region: '320583' };
    await expect(screen.execute(suzhouCity, { ruleId: RULE, asOf: today, documentNumber: '' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('keeps a screening entry when one of its calls is revoked; the next screening decides', async () => {
    const ship = vessel();
    const calls = twelveCalls(ship);
    await store(calls);
    const listed = of((await run()).subjects, ship)!;
    expect(listed.outcome).toBe('listed');
    await ds.transaction(async (m) => {
      await subjectFacts.endRecord(m, calls[0].recordId, 'revoked', { kind: 'vessel', id: ship }, 'vessel-port-call');
      await engine.onRecordEnded(m, calls[0].recordId, 'basis-revoked', today);
    });
    const [entry] = await ds.query(`SELECT status, jsonb_array_length(basis) AS basis FROM list_entries WHERE id = $1`, [listed.entryId]);
    expect(entry).toEqual({ status: 'effective', basis: 11 });
    const next = of((await run()).subjects, ship)!;
    expect(next).toMatchObject({ outcome: 'ended', entryId: listed.entryId, unmet: [{ criterion: '一年内在太仓港累计作业不少于12艘次' }] });
  });

  it('screens a ship the registry lists in Taicang before any record about it, and leaves an inactive one out', async () => {
    const [registered, deregistered] = [vessel(), vessel()];
    const at = new Date().toISOString();
    await ds.transaction(async (m) => {
      await subjectFacts.putRegistryVessels(m, [
        { vesselId: registered, name: '苏太仓货新船', region: '320585', active: true, revision: 1, changedAt: at },
        { vesselId: deregistered, name: '苏太仓货旧船', region: '320585', active: true, revision: 1, changedAt: at },
      ]);
      // A newer revision wins, an older one changes nothing.
      await subjectFacts.putRegistryVessels(m, [{ vesselId: deregistered, name: '苏太仓货旧船', region: '320585', active: false, revision: 2, changedAt: at }]);
      await subjectFacts.putRegistryVessels(m, [{ vesselId: deregistered, name: '苏太仓货旧船', region: '320585', active: true, revision: 1, changedAt: at }]);
    });
    const report = await run();
    expect(of(report.subjects, registered)).toMatchObject({
      subject: { kind: 'vessel', name: '苏太仓货新船' },
      outcome: 'not-listed',
      unmet: [{ criterion: '一年内在太仓港累计作业不少于12艘次', detail: expect.stringContaining('0 vessel-port-call') }],
    });
    expect(of(report.subjects, deregistered)).toBeUndefined();
  });

  it('keeps off a ship on the key-watch list in force (无重点跟踪), not one whose key-watch entry is still in its notice period', async () => {
    const [watched, noticed] = [vessel(), vessel()];
    const calls = [...twelveCalls(watched), ...twelveCalls(noticed)];
    await store(calls);
    const entry = (ship: string) => ({
      listType: 'key-watch' as const,
      subject: { kind: 'vessel' as const, id: ship, name: `苏太仓货${ship.slice(-4)}` },
      region: '320585',
      origin: 'manual' as const,
      ruleId: null,
      basis: [{ kind: 'record' as const, recordId: calls.find((c) => c.subjectId === ship)!.recordId, recordType: 'vessel-port-call', decisionDate: today }],
      grounds: '重点跟踪船舶',
      proposedOn: addDays(today, -30),
    });
    await ds.transaction(async (m) => {
      await ledger.recognise(m, entry(watched), { decidedOn: addDays(today, -30), decidedBy: 'taicang', documentNumber: '', reason: '重点跟踪' });
      await ledger.propose(m, { ...entry(noticed), proposedOn: today });
    });
    const report = await run();
    expect(of(report.subjects, watched)).toMatchObject({ outcome: 'not-listed', unmet: [{ criterion: '无重点跟踪', detail: 'on list key-watch' }] });
    expect(of(report.subjects, noticed)).toMatchObject({ outcome: 'listed' });
  });

  it('refuses a day in the future, an unknown rule and a rule that is not a screening rule, naming the field', async () => {
    const refused = (ruleId: string, asOf: string) => screen.execute(taicang, { ruleId, asOf, documentNumber: '' }).catch((e: DomainError) => e);
    expect(await refused(RULE, addDays(today, 1))).toMatchObject({ code: 'ENTRY_RULES.SCREENING_INVALID', violations: [{ field: 'asOf' }] });
    expect(await refused('no-such-rule', today)).toMatchObject({ code: 'ENTRY_RULES.UNKNOWN_RULE', kind: 'not-found' });
    expect(await refused('false-materials-in-permit-application', today)).toMatchObject({
      code: 'ENTRY_RULES.SCREENING_INVALID',
      violations: [{ field: 'ruleId' }],
    });
  });
});
