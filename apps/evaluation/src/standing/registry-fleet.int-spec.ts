import { randomUUID } from 'node:crypto';
import { CreditRecordCreatedV1, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1, RegistryVehicleChangedV1 } from '@contracts';
import type { Principal } from '@platform/auth';
import { chinaToday, eventually, makeUscc, TestDatabase } from '@platform/testing';
import { GetSubjectEvaluationsHandler } from './application/get-subject-evaluations.handler';
import { startStandingPipeline, type StandingPipeline } from './standing-pipeline.fixture';

/**
 * Carriers' fleets in evaluation (ADR 0053), against real PostgreSQL and JetStream: vehicle and
 * driver registry events, applied by the production consumer, set `subject.vehicles` and
 * `subject.drivers`, and a carrier whose fleet changes is recomputed at once. Sichuan's risk
 * portrait (seed 004 案例15) divides violations by the carrier's registered vehicles.
 */
describe("evaluation: carriers' vehicles and drivers from the registry feed per-vehicle indicators (PostgreSQL + JetStream)", () => {
  let db: TestDatabase;
  let query: GetSubjectEvaluationsHandler;
  const sichuanReader: Principal = { clientId: 'sc', kind: 'integrator', scopes: ['evaluations:read'], region: '510000' };
  const SICHUAN = 'sichuan-risk-portrait';

  let pipeline: StandingPipeline;

  beforeAll(async () => {
    pipeline = await startStandingPipeline('eval-registry-fleet', '510100');
    ({ db, query } = pipeline);
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  const publish = <T>(subject: string, subjectId: string, data: T, id?: string): Promise<string> => pipeline.publish(subject, subjectId, data, id);

  const record = (subject: CreditRecordCreatedV1['subject'], overrides: Partial<CreditRecordCreatedV1> = {}): CreditRecordCreatedV1 => ({
    recordId: randomUUID(),
    subject,
    recordType: 'monitoring-violation',
    region: '510100',
    severity: 'general',
    decisionDate: chinaToday(),
    documentNumber: `川运监〔2026〕${Math.floor(Math.random() * 1e6)}号`,
    isPublic: false,
    summary: '超速行驶',
    sourceClientId: 'sichuan',
    receivedAt: new Date().toISOString(),
    payload: {},
    ...overrides,
  });
  const created = (r: CreditRecordCreatedV1) => publish(Events.CreditRecordCreated.subject, r.subject.id, r);

  const enterprise = (uscc: string, sectors: string[], revision = 1, overrides: Partial<RegistryEnterpriseChangedV1> = {}): RegistryEnterpriseChangedV1 => ({
    uscc,
    name: '某运输有限公司',
    region: '510100',
    sectors,
    licences: [{ number: `川交运管许可蓉字${revision}号`, sectors, validFrom: '2020-01-01', validUntil: null, authority: '成都市交通运输局' }],
    registeredOn: '2020-01-01',
    credit: { registered: true, committed: true, selfAssessed: false },
    active: true,
    revision,
    source: 'api',
    changedAt: new Date().toISOString(),
    ...overrides,
  });
  const enterpriseChanged = (e: RegistryEnterpriseChangedV1) => publish(Events.RegistryEnterpriseChanged.subject, e.uscc, e);

  const standing = (schemeId: string, subjectId: string) =>
    db
      .query<{
        grade: string;
        score: number;
      }>(`SELECT grade, score FROM evaluation.subject_standings WHERE scheme_id = $1 AND subject_id = $2`, [schemeId, subjectId])
      .then((rows) => rows[0]);
  const vehicle = (plate: string, carrierUscc: string | null, revision: number, active = true): RegistryVehicleChangedV1 => ({
    plate,
    plateColour: 'yellow',
    carrierUscc,
    previousCarrierUscc: null,
    region: '510100',
    vehicleType: 'bus',
    axles: 2,
    transportCertificate: null,
    active,
    revision,
    source: 'api',
    changedAt: new Date().toISOString(),
  });
  const vehicleChanged = (v: RegistryVehicleChangedV1) => publish(Events.RegistryVehicleChanged.subject, `${v.plate}:${v.plateColour}`, v);
  const driver = (citizenId: string, employerUscc: string | null, revision: number): RegistryDriverChangedV1 => ({
    citizenId,
    name: '王师傅',
    qualificationCertificate: null,
    qualificationSectors: ['road-passenger'],
    employerUscc,
    previousEmployerUscc: null,
    region: '510100',
    qualifiedOn: '2015-01-01',
    active: true,
    revision,
    source: 'api',
    changedAt: new Date().toISOString(),
  });
  const driverChanged = (d: RegistryDriverChangedV1) => publish(Events.RegistryDriverChanged.subject, d.citizenId, d);
  const speeding = (carrier: string, plate: string) =>
    created(record({ kind: 'org', id: carrier, name: '四川某客运有限公司' }, { payload: { violationCode: 'speeding', plate, plateColour: 'yellow' } }));

  it("counts a carrier's active vehicles and drivers, recomputes it when its fleet changes, and moves a vehicle between fleets", async () => {
    const coach = makeUscc('510100');
    const other = makeUscc('510100');
    await enterpriseChanged(enterprise(coach, ['road-passenger']));
    await enterpriseChanged(enterprise(other, ['road-passenger']));
    await speeding(coach, '川A10001');
    await speeding(coach, '川A10002');
    // No fleet registered: 2 violations / 1 → value 1 − 2/2 = 0 → violations-per-vehicle earns 0 of 20: 80.
    expect(
      await eventually(
        () => standing(SICHUAN, coach),
        (s) => s?.score === 80,
      ),
    ).toEqual({ grade: 'low', score: 80 });

    await vehicleChanged(vehicle('川A10001', coach, 1));
    await vehicleChanged(vehicle('川A10002', coach, 1));
    await driverChanged(driver('510104198001010011', coach, 1));
    // 2 violations / 2 vehicles = 1 per vehicle → value ½ → 10 of 20: 90.
    expect(
      await eventually(
        () => standing(SICHUAN, coach),
        (s) => s?.score === 90,
      ),
    ).toEqual({ grade: 'low', score: 90 });
    const answer = await query.execute(sichuanReader, { subjectId: coach, asOf: '' });
    expect(answer.evaluations.find((e) => e.schemeId === SICHUAN)).toMatchObject({ score: 90 });

    // 川A10002 moves to the other carrier (revision 2): the coach is back to 1 vehicle → 2 per vehicle → 80.
    await vehicleChanged(vehicle('川A10002', other, 2));
    expect(
      await eventually(
        () => standing(SICHUAN, coach),
        (s) => s?.score === 80,
      ),
    ).toEqual({ grade: 'low', score: 80 });
    // A late, older revision changes nothing.
    await vehicleChanged(vehicle('川A10002', coach, 1));
    const fleets = () =>
      db.query<{ carrier_uscc: string; member_kind: string; n: number }>(
        `SELECT carrier_uscc, member_kind, count(*)::int AS n FROM evaluation.registry_fleet WHERE active AND carrier_uscc = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 2`,
        [[coach, other]],
      );
    const expected = [
      { carrier_uscc: coach, member_kind: 'driver', n: 1 },
      { carrier_uscc: coach, member_kind: 'vehicle', n: 1 },
      { carrier_uscc: other, member_kind: 'vehicle', n: 1 },
    ].sort((a, b) => (a.carrier_uscc + a.member_kind < b.carrier_uscc + b.member_kind ? -1 : 1));
    expect(await eventually(fleets, (rows) => rows.length === 3)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await fleets()).toEqual(expected);
  });
});
