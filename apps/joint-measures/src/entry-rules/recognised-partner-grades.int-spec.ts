import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, EvaluationPartnerGradeRecognisedV1, EvaluationPartnerGradeUnrecognisedV1, EventEnvelope, Events } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, eventually, isolatedMessaging, makeUscc, TestDatabase, TestMessaging } from '@platform/testing';
import { ConfigurationInForce } from '../configuration/application/configuration-in-force';
import { configurationTables } from '../configuration/infrastructure/configuration.repository';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { FactsChangeFeed } from '../facts-cache/infrastructure/facts-change-feed';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';
import { DecideHandler } from '../measures/application/decide.handler';
import { DecisionLog } from '../measures/application/decision-log';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { RecognisePartnerGradeHandler } from './application/recognise-partner-grade.handler';
import { RecordCycleGradeHandler } from './application/record-cycle-grade.handler';
import { WithdrawGradeHandler } from './application/withdraw-grade.handler';
import { GradeEventsConsumer } from './interface/grade-events.consumer';
import { PartnerGradeEventsConsumer } from './interface/partner-grade-events.consumer';

const YANGTZE = 'yangtze-shipping-four-colour';
const HENAN_CODES = 'henan-passenger-hazardous-codes';
const wuhan: Principal = { clientId: 'window-420100', kind: 'integrator', scopes: ['measures:decide'], region: '420100' };

/**
 * ADR 0090 (seed 004, DOMAIN.md §4): a partner province's grade evaluation recognised on our ladder
 * counts in decisions where we have no grade of ours under the scheme; ours wins; a withdrawal
 * removes it. The shipped mapping `yangtze.green.tank-cleaning` (信用长江, any region) gives a
 * green ship of the four-colour scheme tank-cleaning priority in `incentive.discount`. Through the
 * production consumers behind real durables (PostgreSQL + JetStream) and the decision read cache
 * invalidated by its LISTEN connection.
 */
describe('joint measures: recognised partner grades in decisions (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let decide: DecideHandler;
  let feed: FactsChangeFeed;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-recognised-partner-grades');
    ds = await db.dataSource(jointMeasuresDefinition);
    await ds.transaction((m) =>
      configurationTables.putKnownScheme(
        m,
        { schemeId: YANGTZE, version: 1, ladderId: 'four-colour', grades: ['green', 'blue', 'yellow', 'red'], sectors: [], regions: [] },
        { zh: '长江航运信用四色码', en: 'Yangtze shipping four-colour' },
        new Date().toISOString(),
      ),
    );
    messaging = await isolatedMessaging();
    const outbox = new OutboxPublisher(jointMeasuresDefinition);
    const ledger = new ListEntryLedger(outbox, new WorkingDayCalendar({ unknownYears: 'weekdays' }), new ListPolicies(DEFAULT_LIST_POLICIES));
    const engine = new EntryRuleEngine(new EntryRuleStore(ds), ledger);
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 600_000, maxSubjects: 100 });
    feed = new FactsChangeFeed(cache, { databaseUrl: db.urlFor('joint_measures'), retryMs: 200 });
    await feed.start();
    const configuration = new ConfigurationInForce(ds);
    await configuration.onModuleInit();
    decide = new DecideHandler(ds, new DecisionLog(ds, outbox), configuration, cache);
    const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
      consume: EventConsumers.prototype.consume,
      register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
        void consumers.push(new InboxConsumer(ds, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler)),
    };
    new GradeEventsConsumer(registrar as EventConsumers, new RecordCycleGradeHandler(engine, cache), new WithdrawGradeHandler(cache)).onModuleInit();
    new PartnerGradeEventsConsumer(registrar as EventConsumers, new RecognisePartnerGradeHandler(cache)).onModuleInit();
    for (const c of consumers) await c.start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await feed?.stop();
    await messaging?.cleanup();
    await db?.drop();
  });

  async function publish<T>(subject: string, subjectId: string, data: T): Promise<string> {
    const id = randomUUID();
    const envelope: EventEnvelope<T> = { id, type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId, region: '410000', data };
    await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope));
    return id;
  }
  const processed = async (eventId: string) => {
    const done = await eventually(() => db.query(`SELECT 1 FROM joint_measures.inbox WHERE event_id = $1`, [eventId]).then((r) => r.length === 1), Boolean);
    expect(done).toBe(true);
  };
  const recognised = (uscc: string, version: number, grade: string, gradeLabel: string) =>
    publish<EvaluationPartnerGradeRecognisedV1>(Events.EvaluationPartnerGradeRecognised.subject, uscc, {
      subject: { kind: 'org', id: uscc, name: '武汉某航运有限公司' },
      // The shipped table henan-codes-to-yangtze-four-colour reads each Henan colour as the same four-colour grade.
      equivalent: { tableId: 'henan-codes-to-yangtze-four-colour', schemeId: YANGTZE, grade },
      provenance: {
        partnerRegion: '410000',
        partnerName: '河南省交通运输厅',
        schemeId: HENAN_CODES,
        schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
        grade,
        gradeLabel,
        cycle: '2026-Q4',
        evaluatedAt: '2026-12-01T08:00:00.000Z',
        version,
        changeId: `grade:${uscc}:${HENAN_CODES}:v${version}`,
        agreement: 'henan-demo',
      },
      recognisedAt: new Date().toISOString(),
    });
  const unrecognised = (uscc: string, version: number) =>
    publish<EvaluationPartnerGradeUnrecognisedV1>(Events.EvaluationPartnerGradeUnrecognised.subject, uscc, {
      subject: { kind: 'org', id: uscc },
      provenance: { partnerRegion: '410000', schemeId: HENAN_CODES, version, changeId: `grade:${uscc}:${HENAN_CODES}:v${version}` },
      reason: 'withdrawn',
      unrecognisedAt: new Date().toISOString(),
    });
  const ours = (uscc: string, grade: string) =>
    publish<EvaluationCycleGradeRecordedV1>(Events.EvaluationCycleGradeRecorded.subject, uscc, {
      cycleId: randomUUID(),
      schemeId: YANGTZE,
      schemeVersion: 1,
      subject: { kind: 'org', id: uscc, name: '武汉某航运有限公司' },
      region: '420100',
      cycle: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
      grade,
      score: 0,
      pointsDeducted: 0,
      recordedAt: new Date().toISOString(),
    });
  const discount = (uscc: string) => decide.execute(wuhan, { subjectId: uscc, scene: 'incentive.discount', sector: '', region: '' });

  it('a subject with only a recognised Henan green code gets the green measure, the reason naming Henan; withdrawn, it has no grade again', async () => {
    const uscc = makeUscc('420100');
    await processed(await recognised(uscc, 1, 'green', '绿码'));
    const decision = await discount(uscc);
    expect(decision.measures.map((m) => m.mappingId)).toEqual(['yangtze.green.tank-cleaning']);
    expect(decision.reasons).toEqual([
      expect.objectContaining({
        kind: 'grade',
        schemeId: YANGTZE,
        grade: 'green',
        cycle: '2026-Q4',
        recognisedFrom: expect.objectContaining({ partnerRegion: '410000', partnerName: '河南省交通运输厅', schemeId: HENAN_CODES, gradeLabel: '绿码' }),
      }),
    ]);
    expect((decision.reasons[0] as { recognisedFrom: { explanation: string } }).recognisedFrom.explanation).toMatch(/^河南省交通运输厅评定.*按互认表/);
    // Never stored as one of our grades.
    expect(await db.query(`SELECT 1 FROM joint_measures.subject_grades WHERE subject_id = $1`, [uscc])).toEqual([]);

    // A recognition older than the one held (redelivered late) changes nothing.
    await processed(await recognised(uscc, 1, 'red', '红码'));
    expect((await discount(uscc)).reasons).toEqual([expect.objectContaining({ grade: 'green' })]);
    // Henan withdraws it: the cached facts are dropped and the subject has no grade again.
    await processed(await unrecognised(uscc, 2));
    await expect(discount(uscc)).rejects.toMatchObject({ code: 'DECISION.UNKNOWN_SUBJECT' });
    // The recognition of version 1 delivered after the withdrawal (another consumer) is not applied over it.
    await processed(await recognised(uscc, 1, 'green', '绿码'));
    await expect(discount(uscc)).rejects.toMatchObject({ code: 'DECISION.UNKNOWN_SUBJECT' });
  });

  it('our own grade under the scheme wins over the recognised one: a red ship of ours gets no green measure', async () => {
    const uscc = makeUscc('420100');
    await processed(await recognised(uscc, 1, 'green', '绿码'));
    expect((await discount(uscc)).measures.map((m) => m.mappingId)).toEqual(['yangtze.green.tank-cleaning']);
    await processed(await ours(uscc, 'red'));
    const decision = await discount(uscc);
    expect(decision.measures).toEqual([]);
    expect(decision.reasons).toEqual([]);
  });
});
