import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordRevokedV1, EventEnvelope, Events } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import { BatchEventHandler, ConsumerSpec, EventHandler } from '@platform/messaging';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, daysAgo, makeUscc, TestDatabase } from '@platform/testing';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { ApplyRecordFactsHandler } from './application/apply-record-facts.handler';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';

/** The record-events handlers as the service registers them, on one database. */
interface Replica {
  db: TestDatabase;
  ds: DataSource;
  single: Map<string, EventHandler>;
  batch: Map<string, BatchEventHandler>;
}

async function replica(label: string): Promise<Replica> {
  const db = await cloneTestDatabase(label);
  const ds = await db.dataSource(jointMeasuresDefinition);
  const ledger = new ListEntryLedger(
    new OutboxPublisher(jointMeasuresDefinition),
    new WorkingDayCalendar({ unknownYears: 'weekdays' }),
    new ListPolicies(DEFAULT_LIST_POLICIES),
  );
  const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 1000 });
  const single = new Map<string, EventHandler>();
  const batch = new Map<string, BatchEventHandler>();
  const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
    consume: EventConsumers.prototype.consume,
    register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) => {
      single.set(spec.durable, handler);
      if (batchHandler) batch.set(spec.durable, batchHandler);
    },
  };
  new RecordEventsConsumer(registrar as EventConsumers, new ApplyRecordFactsHandler(new EntryRuleEngine(new EntryRuleStore(ds), ledger), cache)).onModuleInit();
  return { db, ds, single, batch };
}

const CREATED = 'joint-measures-records-created';
const REVOKED = 'joint-measures-records-revoked';

function envelope<T>(type: string, subjectId: string, data: T): EventEnvelope<T> {
  return { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), subjectId, region: '410100', data };
}

function record(
  subject: CreditRecordCreatedV1['subject'],
  decisionDate: string,
  overrides: Partial<CreditRecordCreatedV1> = {},
): EventEnvelope<CreditRecordCreatedV1> {
  const data: CreditRecordCreatedV1 = {
    recordId: randomUUID(),
    recordType: 'administrative-penalty',
    subject,
    region: '410100',
    severity: 'general',
    decisionDate,
    documentNumber: `郑交罚〔2026〕${randomUUID().slice(0, 6)}号`,
    isPublic: true,
    summary: '',
    sourceClientId: 'zhengzhou',
    receivedAt: new Date().toISOString(),
    payload: { violationType: '未按规定携带道路运输证', penaltyCategories: ['fine'], fineAmountFen: 20000 },
    ...overrides,
  };
  return envelope(Events.CreditRecordCreated.subject, subject.id, data);
}
const overload = (subject: CreditRecordCreatedV1['subject'], decisionDate: string) =>
  record(subject, decisionDate, { payload: { violationType: '违法超限运输', penaltyCategories: ['fine'], fineAmountFen: 100000 } });
const finding = (carrier: CreditRecordCreatedV1['subject'], plate: string, decisionDate: string) =>
  record(carrier, decisionDate, {
    recordType: 'oversize-transport-violation',
    isPublic: false,
    payload: { violationType: 'overweight', plate, plateColour: 'yellow' },
  });
const revocation = (e: EventEnvelope<CreditRecordCreatedV1>) =>
  envelope<CreditRecordRevokedV1>(Events.CreditRecordRevoked.subject, e.data.subject.id, {
    recordId: e.data.recordId,
    recordType: e.data.recordType,
    subject: e.data.subject,
    reason: 'wrong plate',
    version: 2,
    revokedBy: 'zhengzhou',
    revokedAt: new Date().toISOString(),
  });

/*
 * What is compared, and what is not: every column of subject_records but updated_at; every column
 * of list_entries but id, created_at and updated_at (a fresh uuid and the transaction's time); the
 * outbox in append order, each envelope without its id and occurredAt and the entry's id in its
 * data (fresh per run), and without seq, created_at and trace headers.
 */
async function state(db: TestDatabase) {
  const records = await db.query(
    `SELECT record_id, record_type, subject_kind, subject_id, subject_name, region, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload, standing, ended_reason
     FROM joint_measures.subject_records ORDER BY record_id`,
  );
  const entries = await db.query(
    `SELECT list_type, subject_kind, subject_id, subject_name, region, status, origin, rule_id, basis, grounds, provenance, to_char(proposed_on, 'YYYY-MM-DD') AS proposed_on,
       to_char(notice_ends_on, 'YYYY-MM-DD') AS notice_ends_on, duration_months, decision, starts_on, ends_on, removal, version
     FROM joint_measures.list_entries ORDER BY subject_id, rule_id, created_at`,
  );
  const outbox = await db.query(`SELECT subject, (envelope - 'id' - 'occurredAt') #- '{data,entryId}' AS envelope FROM joint_measures.outbox ORDER BY seq`);
  return { records, entries, outbox };
}

describe('joint-measures-records-created: the batch handler leaves what the single handler leaves (ADR 0033)', () => {
  let one: Replica;
  let set: Replica;

  beforeAll(async () => {
    one = await replica('jm-batch-single');
    set = await replica('jm-batch-set');
  });

  afterAll(async () => {
    await one?.db.drop();
    await set?.db.drop();
  });

  /** Applies events one by one, each in its own transaction, on both replicas (the state before the batch). */
  async function onBoth(durable: string, events: EventEnvelope<unknown>[]): Promise<void> {
    for (const r of [one, set]) {
      for (const e of events) await r.ds.transaction((m) => r.single.get(durable)!(e as EventEnvelope, m, { subject: e.type }));
    }
  }

  it('stores every record once and proposes the same entries, with the same basis, as one event at a time', async () => {
    const v1 = { kind: 'vehicle' as const, id: `豫A${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫A车辆' };
    const v2 = { kind: 'vehicle' as const, id: `豫B${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫B车辆' };
    const person = { kind: 'person' as const, id: `410105${randomUUID().slice(0, 8)}`, name: '张三' };
    const crossing = { kind: 'org' as const, id: makeUscc(), name: '郑州甲运输有限公司' };
    const alreadyListed = { kind: 'org' as const, id: makeUscc(), name: '郑州乙运输有限公司' };
    const carrier = { kind: 'org' as const, id: makeUscc(), name: '郑州丙重型货运有限公司' };
    const bystander = { kind: 'org' as const, id: makeUscc(), name: '郑州丁物流有限公司' };

    // Before the batch, on both databases alike.
    const revokedFirst = overload(v2, daysAgo(15));
    const suspension = record(carrier, daysAgo(40), {
      severity: 'severe',
      payload: { violationType: '违法超限运输', penaltyCategories: ['fine', 'production-suspension'] },
    });
    await onBoth(CREATED, [
      overload(v1, daysAgo(300)),
      overload(v1, daysAgo(200)),
      ...[250, 150, 50].map((d) => overload(v2, daysAgo(d))),
      ...Array.from({ length: 8 }, (_, i) => record(crossing, daysAgo(30 + i))),
      ...Array.from({ length: 10 }, (_, i) => record(alreadyListed, daysAgo(60 + i))),
      suspension,
    ]);
    // Revoked before its creation is seen: the creation in the batch must leave it ended.
    await onBoth(REVOKED, [revocation(revokedFirst)]);
    for (const r of [one, set]) {
      await r.db.query(
        `INSERT INTO joint_measures.carrier_fleets (subject_id, vehicles, as_of, source, reported_by) VALUES ($1, 20, $2, '道路运输管理信息系统', 'zhengzhou')`,
        [carrier.id, daysAgo(30)],
      );
    }
    const before = await state(set.db);
    expect(before.entries.map((e) => e.subject_id)).toEqual([alreadyListed.id]);

    // The batch, interleaving subjects in stream order.
    const v1Third = overload(v1, daysAgo(100));
    const v1Fourth = overload({ ...v1, name: '豫A车辆（更名）' }, daysAgo(20));
    const crossingNinth = record(crossing, daysAgo(9));
    const crossingTenth = record({ ...crossing, name: '郑州甲运输有限公司（更名）' }, daysAgo(8));
    const v2Fresh = overload(v2, daysAgo(5));
    const findings = [finding(carrier, '豫A20001', daysAgo(90)), finding(carrier, '豫A20001', daysAgo(60)), finding(carrier, '豫A20002', daysAgo(30))];
    const thirdVehicle = finding(carrier, '豫A20003', daysAgo(10));
    const batch: EventEnvelope<CreditRecordCreatedV1>[] = [
      record(v1, daysAgo(50)), // a plain penalty: the overload rule is evaluated, and does not hold
      findings[0],
      record(bystander, daysAgo(3), { recordType: 'commendation', payload: { title: '诚信企业' } }), // no rule cares
      v1Third, // 3 overloads: not more than 3
      crossingNinth,
      revokedFirst, // stays ended: V2 still has 3 standing overloads
      findings[1],
      record(person, daysAgo(2), { recordType: 'monitoring-violation', payload: { alarm: 'speeding' } }), // no rule cares
      v1Fourth, // 4th overload: proposed here, named as this record names the vehicle
      crossingTenth, // 10th penalty: proposed here
      findings[2],
      overload(v2, daysAgo(400)), // out of the 12-month window
      thirdVehicle, // 3 vehicles of 20: more than 10 %
      record(alreadyListed, daysAgo(1)), // an open entry already: nothing new
      overload({ ...v1, name: '豫A车辆（再更名）' }, daysAgo(10)), // 5th: the open entry stays as proposed on the 4th
      v2Fresh, // V2's 4th standing overload
      record(crossing, daysAgo(7)),
      finding(carrier, '豫A20004', daysAgo(5)),
      record(person, daysAgo(1)), // a person's plain penalty
    ];

    for (const e of batch) await one.ds.transaction((m) => one.single.get(CREATED)!(e, m, { subject: e.type }));
    await set.ds.transaction((m) => set.batch.get(CREATED)!(batch, m));

    const [expected, actual] = [await state(one.db), await state(set.db)];
    // Each record once: the records known before plus every record of the batch.
    expect(actual.records).toHaveLength(before.records.length + batch.length - 1);
    expect(actual.records).toEqual(expected.records);
    expect(actual.entries).toEqual(expected.entries);
    expect(actual.outbox).toEqual(expected.outbox);

    // And what the single handler did is what the rules call for (so the comparison compares something).
    const ids = (rows: { basis: { recordId: string }[] }) => rows.basis.map((b) => b.recordId);
    const entryOf = (subjectId: string) =>
      actual.entries.filter((e) => e.subject_id === subjectId) as { rule_id: string; subject_name: string; basis: { recordId: string }[] }[];
    expect(entryOf(v1.id)).toHaveLength(1);
    expect(entryOf(v1.id)[0]).toMatchObject({ rule_id: 'overload-more-than-3-in-12-months', subject_name: '豫A车辆（更名）' });
    expect(ids(entryOf(v1.id)[0])).toHaveLength(4);
    expect(ids(entryOf(v1.id)[0]).slice(2)).toEqual([v1Third.data.recordId, v1Fourth.data.recordId]);
    expect(entryOf(v2.id)).toHaveLength(1);
    expect(ids(entryOf(v2.id)[0])).not.toContain(revokedFirst.data.recordId);
    expect(ids(entryOf(v2.id)[0]).at(-1)).toBe(v2Fresh.data.recordId);
    expect(entryOf(crossing.id)).toEqual([
      expect.objectContaining({ rule_id: 'ten-or-more-unrepaired-penalties', subject_name: '郑州甲运输有限公司（更名）' }),
    ]);
    expect(ids(entryOf(crossing.id)[0])).toHaveLength(10);
    expect(ids(entryOf(crossing.id)[0])).toEqual(expect.arrayContaining([crossingNinth.data.recordId, crossingTenth.data.recordId]));
    expect(entryOf(carrier.id)).toEqual([expect.objectContaining({ rule_id: 'carrier-fleet-over-10-percent-overloading' })]);
    expect(ids(entryOf(carrier.id)[0])).toEqual([...findings, thirdVehicle, suspension].map((e) => e.data.recordId));
    expect(entryOf(alreadyListed.id)).toHaveLength(1);
    expect(entryOf(person.id)).toEqual([]);
    expect(actual.outbox.map((o) => (o.envelope as { type: string }).type)).toEqual(Array(5).fill(Events.ListEntryProposed.subject));
  });

  it('refuses a batch with an unsupported version or the same record twice (the events are then applied one by one)', async () => {
    const org = { kind: 'org' as const, id: makeUscc(), name: '郑州戊运输有限公司' };
    const fine = record(org, daysAgo(3));
    const handler = set.batch.get(CREATED)!;
    await expect(set.ds.transaction((m) => handler([record(org, daysAgo(2)), { ...fine, version: 2 }], m))).rejects.toThrow(/unsupported version 2/);
    await expect(set.ds.transaction((m) => handler([fine, { ...fine, id: randomUUID() }], m))).rejects.toThrow(/twice/);
    expect(await set.db.query(`SELECT 1 FROM joint_measures.subject_records WHERE subject_id = $1`, [org.id])).toEqual([]);
  });
});
