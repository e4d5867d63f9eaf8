import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, daysAgo, makeUscc, TestDatabase } from '@platform/testing';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { ImportPartnerEntryHandler } from './application/import-partner-entry.handler';
import { ListEntryLedger } from './application/list-entry-ledger';
import { RepairListEntryHandler } from './application/repair-list-entry.handler';
import { RevokeListEntryRepairHandler } from './application/revoke-list-entry-repair.handler';
import { WithdrawPartnerEntryHandler } from './application/withdraw-partner-entry.handler';
import { DEFAULT_LIST_POLICIES, ListPolicies } from './domain/list-policy';

/*
 * A partner's entry repaired by the partner on an application forwarded from here (谁认定、谁修复,
 * ADR 0088), against real PostgreSQL. Two messages reach joint measures, in either order: the
 * repair's approval (`repair.list-entries.repaired`, from our repair service) and the partner's
 * withdrawal of the entry it removed (its feed, through the puller). Either way the entry ends
 * removed, and the repair's later revocation (`repair.list-entries.repair-revoked`) puts it back in
 * force (DOMAIN.md §5, issue 19 item 8).
 */
describe('joint measures: a partner entry repaired through the exchange, then the repair revoked (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let importPartner: ImportPartnerEntryHandler;
  let withdrawPartner: WithdrawPartnerEntryHandler;
  let repaired: RepairListEntryHandler;
  let revoked: RevokeListEntryRepairHandler;
  const henan: Principal = { clientId: 'partner-feed:410000', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '410000' };

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-partner-entry-repairs');
    ds = await db.dataSource(jointMeasuresDefinition);
    const ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 100 });
    importPartner = new ImportPartnerEntryHandler(ds, ledger, cache);
    withdrawPartner = new WithdrawPartnerEntryHandler(ds, ledger, cache);
    repaired = new RepairListEntryHandler(ledger, cache);
    revoked = new RevokeListEntryRepairHandler(ledger, cache);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function henanEntry(): Promise<{ id: string; subjectId: string }> {
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输公司' };
    const { entry } = await importPartner.execute(henan, {
      listType: 'severe-dishonesty',
      subject,
      region: '410100',
      grounds: '河南省严重失信主体名单',
      provenance: { partnerRegion: '410000', partnerName: '河南省交通运输厅', sourceReference: randomUUID(), decidedOn: daysAgo(10) },
      startsOn: daysAgo(10),
      endsOn: '',
      recognition: { outcome: 'applied', agreement: 'henan-demo', reason: 'recognised', maxTermMonths: 36 },
    });
    expect(entry.status).toBe('effective');
    return { id: entry.id, subjectId: entry.subject.id };
  }

  const approval = (entry: { id: string; subjectId: string }, applicationId: string) => ({
    applicationId,
    entryId: entry.id,
    subjectId: entry.subjectId,
    decidedAt: new Date().toISOString(),
  });
  const stateOf = async (entryId: string) =>
    (await ds.query(`SELECT status, removal->>'reason' AS reason FROM joint_measures.list_entries WHERE id = $1`, [entryId]))[0] as {
      status: string;
      reason: string;
    };
  const inTransaction = <T>(work: (m: DataSource['manager']) => Promise<T>) => ds.transaction(work);

  it('the approval first: removed for repair; the partner’s withdrawal after it changes nothing; the revocation restores it', async () => {
    const entry = await henanEntry();
    const applicationId = randomUUID();
    expect(await inTransaction((m) => repaired.execute(approval(entry, applicationId), m))).toBe('removed');
    expect(await withdrawPartner.execute(henan, { entryId: entry.id, reason: 'withdrawn at the source (repair)' })).toMatchObject({ replayed: true });
    expect(await stateOf(entry.id)).toEqual({ status: 'removed', reason: 'repair' });
    expect(await inTransaction((m) => revoked.execute({ applicationId, entryId: entry.id, subjectId: entry.subjectId }, m))).toBe('restored');
    expect(await stateOf(entry.id)).toEqual({ status: 'effective', reason: null });
  });

  it('the partner’s withdrawal first: the approval makes it the repair’s removal, so the revocation restores it all the same', async () => {
    const entry = await henanEntry();
    const applicationId = randomUUID();
    await withdrawPartner.execute(henan, { entryId: entry.id, reason: 'withdrawn at the source (repair)' });
    expect(await stateOf(entry.id)).toEqual({ status: 'removed', reason: 'partner-withdrawn' });
    expect(await inTransaction((m) => repaired.execute(approval(entry, applicationId), m))).toBe('attributed');
    expect(await stateOf(entry.id)).toEqual({ status: 'removed', reason: 'repair' });
    // Another application's revocation is not this repair's: nothing to undo.
    expect(await inTransaction((m) => revoked.execute({ applicationId: randomUUID(), entryId: entry.id, subjectId: entry.subjectId }, m))).toBe(
      'not-removed-by-repair',
    );
    expect(await inTransaction((m) => revoked.execute({ applicationId, entryId: entry.id, subjectId: entry.subjectId }, m))).toBe('restored');
    expect(await stateOf(entry.id)).toEqual({ status: 'effective', reason: null });
  });
});
