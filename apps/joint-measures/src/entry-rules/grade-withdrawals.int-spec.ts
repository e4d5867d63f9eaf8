import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, EvaluationGradeWithdrawnV1, EventEnvelope, Events } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, eventually, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import { configurationTables } from '../configuration/infrastructure/configuration.repository';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';
import { readSubjectFacts } from '../measures/infrastructure/decision-facts.repository';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { RecordCycleGradeHandler } from './application/record-cycle-grade.handler';
import { WithdrawGradeHandler } from './application/withdraw-grade.handler';
import { GradeEventsConsumer } from './interface/grade-events.consumer';

const NANYANG = 'nanyang-driver-grades';

/**
 * ADR 0046: `evaluation.grade.withdrawn` (the scheme no longer grades the subject, e.g. a Nanyang
 * driver the registry no longer lists under taxi or bus) removes the subject's grades under the
 * scheme from joint measures' facts: decisions stop citing them and the grade-history rules stop
 * counting them. Through the production consumers behind real durables with an inbox (PostgreSQL
 * + JetStream); the two evaluation consumers are separate, so events may arrive in any order.
 */
describe('joint measures: a withdrawn grade stops being a fact (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-grade-withdrawals');
    ds = await db.dataSource(jointMeasuresDefinition);
    // Evaluation has announced Nanyang's driver grades (shipped-schemes.ts: ladder AAA-B): the bad-driver rules are active.
    await ds.transaction((m) =>
      configurationTables.putKnownScheme(
        m,
        { schemeId: NANYANG, version: 1, ladderId: 'AAA-B', grades: ['AAA', 'AA', 'A', 'B'], sectors: ['taxi', 'bus'], regions: ['411300'] },
        { zh: '南阳驾驶员信用等级', en: 'Nanyang driver grades' },
        new Date().toISOString(),
      ),
    );
    messaging = await isolatedMessaging();
    const ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    const engine = new EntryRuleEngine(new EntryRuleStore(ds), ledger);
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 100 });
    const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
      consume: EventConsumers.prototype.consume,
      register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
        void consumers.push(new InboxConsumer(ds, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler)),
    };
    new GradeEventsConsumer(registrar as EventConsumers, new RecordCycleGradeHandler(engine, cache), new WithdrawGradeHandler(cache)).onModuleInit();
    for (const c of consumers) await c.start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await messaging?.cleanup();
    await db?.drop();
  });

  async function publish<T>(subject: string, subjectId: string, data: T, id: string = randomUUID()): Promise<string> {
    const envelope: EventEnvelope<T> = { id, type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId, region: '411300', data };
    await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope));
    return id;
  }

  const driver = () => ({ id: `41130019900101${String(Math.floor(Math.random() * 9000) + 1000)}`, name: '李四' });
  const graded = (d: { id: string; name: string }, cycle: string, grade: string, recordedAt = new Date()) =>
    publish<EvaluationCycleGradeRecordedV1>(Events.EvaluationCycleGradeRecorded.subject, d.id, {
      cycleId: randomUUID(),
      schemeId: NANYANG,
      schemeVersion: 1,
      subject: { kind: 'person', id: d.id, name: d.name },
      region: '411300',
      cycle: { label: cycle, start: `${cycle}-01-01`, end: `${cycle}-12-31` },
      grade,
      score: 60,
      pointsDeducted: 6,
      recordedAt: recordedAt.toISOString(),
    });
  const withdrawn = (d: { id: string }, withdrawnAt = new Date(), id?: string) =>
    publish<EvaluationGradeWithdrawnV1>(
      Events.EvaluationGradeWithdrawn.subject,
      d.id,
      {
        schemeId: NANYANG,
        schemeVersion: 1,
        subject: { kind: 'person', id: d.id },
        region: '411300',
        previous: { grade: 'B', score: 60, cycleLabel: '2026', schemeVersion: 1 },
        reason: 'SECTOR_OUTSIDE',
        withdrawnAt: withdrawnAt.toISOString(),
        causeEventId: randomUUID(),
      },
      id,
    );
  const processed = (eventId: string) => db.query(`SELECT 1 FROM joint_measures.inbox WHERE event_id = $1`, [eventId]).then((r) => r.length === 1);
  const cycles = (subjectId: string) =>
    db
      .query<{ cycle: string }>(`SELECT cycle FROM joint_measures.subject_grades WHERE subject_id = $1 AND scheme_id = $2 ORDER BY cycle`, [subjectId, NANYANG])
      .then((rows) => rows.map((r) => r.cycle));
  const ruleEntries = (subjectId: string) =>
    db
      .query<{ rule_id: string }>(`SELECT rule_id FROM joint_measures.list_entries WHERE subject_id = $1`, [subjectId])
      .then((rows) => rows.map((r) => r.rule_id));

  it('removes the grades a decision reads; a driver graded again later is not listed for two B cycles across the withdrawal (DOMAIN.md §3 南阳)', async () => {
    const d = driver();
    await graded(d, '2025', 'B');
    await eventually(
      () => cycles(d.id),
      (c) => c.length === 1,
    );
    expect((await readSubjectFacts(ds.manager, d.id)).grades).toEqual([{ schemeId: NANYANG, cycle: '2025', grade: 'B', pointsDeducted: 6 }]);

    // The registry no longer lists the driver under taxi or bus: evaluation withdraws the grade.
    const withdrawal = await withdrawn(d);
    await eventually(() => processed(withdrawal), Boolean);
    expect(await cycles(d.id)).toEqual([]);
    expect((await readSubjectFacts(ds.manager, d.id)).grades).toEqual([]);
    // Redelivered: the inbox has it; nothing changes.
    await withdrawn(d, new Date(), withdrawal);

    // Back in a scheme sector, graded B for 2026: one B cycle only (the 2025 B was withdrawn), so the
    // bad-driver rule "连续两个考核周期信用等级为B" does not hold.
    await new Promise((r) => setTimeout(r, 5));
    const again = await graded(d, '2026', 'B');
    await eventually(() => processed(again), Boolean);
    expect(await cycles(d.id)).toEqual(['2026']);
    expect(await ruleEntries(d.id)).toEqual([]);
    expect((await readSubjectFacts(ds.manager, d.id)).grades).toEqual([{ schemeId: NANYANG, cycle: '2026', grade: 'B', pointsDeducted: 6 }]);
  });

  it('a cycle grade recorded before the withdrawal and delivered after it is not stored', async () => {
    const d = driver();
    const at = new Date();
    const withdrawal = await withdrawn(d, at);
    await eventually(() => processed(withdrawal), Boolean);
    const late = await graded(d, '2025', 'B', new Date(at.getTime() - 60_000));
    await eventually(() => processed(late), Boolean);
    expect(await cycles(d.id)).toEqual([]);
    expect(await ruleEntries(d.id)).toEqual([]);
  });
});
