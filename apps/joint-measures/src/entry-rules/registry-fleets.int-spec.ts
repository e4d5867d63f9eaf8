import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events, RegistryVehicleChangedV1 } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, daysAgo, eventually, isolatedMessaging, makeUscc, TestDatabase, TestMessaging } from '@platform/testing';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { ListSubjectEntriesHandler } from '../lists/application/list-subject-entries.handler';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';
import { ApplyRecordFactsHandler } from './application/apply-record-facts.handler';
import { ApplyRegistryVehiclesHandler } from './application/apply-registry-vehicles.handler';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { ReportFleetSizeHandler } from './application/report-fleet-size.handler';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RegistryVehicleEventsConsumer } from './interface/registry-vehicle-events.consumer';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
const RULE = 'carrier-fleet-over-10-percent-overloading';

/**
 * Carriers' fleets from the subject registry (issue 16 item 1, ADR 0044), against real PostgreSQL
 * and JetStream: registry vehicle events and record events are published to the stream and
 * applied by the production consumers. The severe-overload rule (交办公路〔2017〕8号, DOMAIN.md §4;
 * shipped-entry-rules.ts): a carrier with more than 10 % of its fleet violating in a year, and
 * ordered to suspend. The fleet is the registry's active freight vehicles of the carrier; a size
 * reported by the licensing authority overrides it.
 */
describe('joint measures: fleets counted from the subject registry (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let subjectEntries: ListSubjectEntriesHandler;
  let fleets: ReportFleetSizeHandler;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-registry');
    ds = await db.dataSource(jointMeasuresDefinition);
    messaging = await isolatedMessaging();
    const ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    const engine = new EntryRuleEngine(new EntryRuleStore(ds), ledger);
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 100 });
    subjectEntries = new ListSubjectEntriesHandler(ds);
    fleets = new ReportFleetSizeHandler(ds, engine, cache);
    // The production handlers, registered as the service registers them, behind real durable consumers with an inbox.
    const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
      consume: EventConsumers.prototype.consume,
      register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
        void consumers.push(new InboxConsumer(ds, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler)),
    };
    new RecordEventsConsumer(registrar as EventConsumers, new ApplyRecordFactsHandler(engine, cache)).onModuleInit();
    new RegistryVehicleEventsConsumer(registrar as EventConsumers, new ApplyRegistryVehiclesHandler(engine, cache)).onModuleInit();
    for (const c of consumers) await c.start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await messaging?.cleanup();
    await db?.drop();
  });

  async function publish<T>(subject: string, subjectId: string, data: T): Promise<void> {
    const envelope: EventEnvelope<T> = { id: randomUUID(), type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId, region: '410100', data };
    await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope));
  }

  let plates = Math.floor(Math.random() * 50_000);
  const plate = () => `豫A${String((plates += 1) % 100_000).padStart(5, '0')}`;
  /** A carrier's freight vehicles as the registry announces them; `revision` 1 unless moved. */
  const vehicle = (p: string, carrierUscc: string | null, overrides: Partial<RegistryVehicleChangedV1> = {}): RegistryVehicleChangedV1 => ({
    plate: p,
    plateColour: 'yellow',
    carrierUscc,
    previousCarrierUscc: null,
    region: '410100',
    vehicleType: 'tractor',
    axles: 6,
    transportCertificate: `豫交运管郑字${p}`,
    active: true,
    revision: 1,
    source: 'api',
    changedAt: new Date().toISOString(),
    ...overrides,
  });
  const vehicleChanged = (v: RegistryVehicleChangedV1) => publish(Events.RegistryVehicleChanged.subject, `${v.plate}:${v.plateColour}`, v);
  const storedVehicles = (carrierUscc: string) =>
    db
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.registry_vehicles WHERE carrier_uscc = $1 AND active`, [carrierUscc])
      .then((r) => r[0]!.n);

  /** The carrier's overload findings (one per plate) and the order to suspend: the records the rule counts. */
  function violations(carrier: CreditRecordCreatedV1['subject'], violatingPlates: string[]): CreditRecordCreatedV1[] {
    const base = (days: number): Omit<CreditRecordCreatedV1, 'recordType' | 'payload' | 'severity'> => ({
      recordId: randomUUID(),
      subject: carrier,
      region: '410100',
      decisionDate: daysAgo(days),
      documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
      isPublic: false,
      summary: '违法超限运输',
      sourceClientId: 'zhengzhou',
      receivedAt: new Date().toISOString(),
    });
    const findings = violatingPlates.map((p, i) => ({
      ...base(60 - i),
      recordType: 'oversize-transport-violation',
      severity: 'general' as const,
      payload: { violationType: 'overweight', permitNumber: '豫超限〔2026〕0001', detectedAt: new Date().toISOString(), plate: p, plateColour: 'yellow' },
    }));
    const suspension = {
      ...base(5),
      recordType: 'administrative-penalty',
      severity: 'severe' as const,
      isPublic: true,
      payload: { violationType: '违法超限运输', facts: '…', penaltyCategories: ['fine', 'production-suspension'], fineAmountFen: 3_000_000 },
    };
    return [...findings, suspension];
  }
  const seen = (recordId: string) => db.query(`SELECT 1 FROM joint_measures.subject_records WHERE record_id = $1`, [recordId]).then((r) => r.length === 1);
  const ruleEntries = (subjectId: string) => subjectEntries.execute(zhengzhou, { subjectId }).then((all) => all.filter((e) => e.ruleId === RULE));
  async function collect(records: CreditRecordCreatedV1[]): Promise<void> {
    for (const r of records) await publish(Events.CreditRecordCreated.subject, r.subject.id, r);
    await eventually(
      () => Promise.all(records.map((r) => seen(r.recordId))),
      (s) => s.every(Boolean),
    );
  }

  it('20 registry vehicles, 3 violating: 15 % > 10 % → proposed; with a reported fleet of 40: 7.5 % → not proposed', async () => {
    const listed = { kind: 'org' as const, id: makeUscc(), name: '郑州某重型货运有限公司' };
    const reported = { kind: 'org' as const, id: makeUscc(), name: '郑州某大件运输有限公司' };
    const fleetOf = (carrier: string) => Array.from({ length: 20 }, () => plate()).map((p) => vehicle(p, carrier));
    const listedFleet = fleetOf(listed.id);
    const reportedFleet = fleetOf(reported.id);
    // A bus of the same carrier is not a freight vehicle (本单位货运车辆总数): it does not count.
    for (const v of [...listedFleet, ...reportedFleet, vehicle(plate(), listed.id, { vehicleType: 'bus' })]) await vehicleChanged(v);
    await eventually(
      () => Promise.all([storedVehicles(listed.id), storedVehicles(reported.id)]),
      ([a, b]) => a === 21 && b === 20,
    );
    // The licensing authority reports 40 for the second carrier (a report needs the carrier known: a record first).
    const [firstReportedFinding, ...restReported] = violations(
      reported,
      reportedFleet.slice(0, 3).map((v) => v.plate),
    );
    await collect([firstReportedFinding!]);
    await fleets.execute(zhengzhou, { subjectId: reported.id, vehicles: 40, asOf: daysAgo(1), source: '道路运输管理信息系统' });

    await collect(
      violations(
        listed,
        listedFleet.slice(0, 3).map((v) => v.plate),
      ),
    );
    await collect(restReported);

    // 3 × 100 > 20 × 10: more than 10 % (超过10%) of the registry's 20 freight vehicles.
    const [entry] = await eventually(
      () => ruleEntries(listed.id),
      (e) => e.length > 0,
    );
    expect(entry).toMatchObject({ listType: 'severe-dishonesty', status: 'proposed', durationMonths: 24 });
    expect(entry!.grounds).toContain('违法超限运输车辆3辆，车辆总数20辆');
    expect(entry!.grounds).toContain('主体库');
    // 3 × 100 > 40 × 10 does not hold: the reported 40 wins over the registry's 20.
    expect(await ruleEntries(reported.id)).toEqual([]);
  });

  it('an incomplete registry is not counted; a growing fleet proposes nothing; a vehicle moving carrier moves its count', async () => {
    const carrier = { kind: 'org' as const, id: makeUscc(), name: '郑州某物流有限公司' };
    const other = makeUscc();
    // 31 vehicles, 3 violating: 300 > 310 does not hold.
    const fleet = Array.from({ length: 31 }, () => vehicle(plate(), carrier.id));
    // While the registry lists only 2 of them (import under way), fewer than the 3 violating: its count is not used.
    for (const v of fleet.slice(3, 5)) await vehicleChanged(v);
    await eventually(
      () => storedVehicles(carrier.id),
      (n) => n === 2,
    );
    await collect(
      violations(
        carrier,
        fleet.slice(0, 3).map((v) => v.plate),
      ),
    );
    expect(await ruleEntries(carrier.id)).toEqual([]);
    for (const v of fleet) await vehicleChanged(v);
    await eventually(
      () => storedVehicles(carrier.id),
      (n) => n === 31,
    );
    expect(await ruleEntries(carrier.id)).toEqual([]);

    // Two vehicles move to another carrier (revision 2): 29 left, 300 > 290 → proposed, counted from the vehicle table.
    for (const v of fleet.slice(29)) await vehicleChanged({ ...v, carrierUscc: other, previousCarrierUscc: carrier.id, revision: 2 });
    const [entry] = await eventually(
      () => ruleEntries(carrier.id),
      (e) => e.length > 0,
    );
    expect(entry!.grounds).toContain('车辆总数29辆');
    expect(await storedVehicles(other)).toBe(2);
    // An older revision arriving late does not move a vehicle back.
    await vehicleChanged({ ...fleet[30]!, revision: 1, carrierUscc: carrier.id });
    await vehicleChanged(vehicle(plate(), other));
    await eventually(
      () => storedVehicles(other),
      (n) => n === 3,
    );
    expect(await storedVehicles(carrier.id)).toBe(29);
  });
});
