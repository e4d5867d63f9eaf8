import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Principal } from '@platform/auth';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { ZHENGZHOU_TAXI_DRIVER_STARS } from '../engine/domain/shipped-schemes';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from './application/scheme-registry';
import { SimulateSchemeHandler } from './application/simulate-scheme.handler';
import { registerInEverySector } from '../standing/registrations.fixture';

/** What-if against a real PostgreSQL: a draft is graded against current records and never stored. */
describe('what-if simulation (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let simulate: SimulateSchemeHandler;
  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin'], region: '410000' };
  const AT = new Date('2026-11-21T12:00:00+08:00');

  beforeAll(async () => {
    db = await cloneTestDatabase('simulation');
    dataSource = await db.dataSource(evaluationDefinition);
    const registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    simulate = new SimulateSchemeHandler(dataSource, registry);
    // Three Zhengzhou drivers with 0, 1 and 2 minor complaints this year: 20, 19, 18 points.
    const drivers = ['410102198501010001', '410102198501010002', '410102198501010003'];
    // Registered taxi drivers (the scheme is bound to the taxi sector, ADR 0044).
    await registerInEverySector(
      dataSource,
      drivers.map((id) => ({ id, kind: 'person' })),
    );
    for (const [i, driver] of drivers.entries()) {
      for (let n = 0; n < i; n += 1) {
        await db.query(
          `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
           VALUES ($1, $2, 'person', '410105', 'confirmed-complaint', 'minor', '2026-03-01', '{}', '2026-03-02T10:00:00+08:00')`,
          [uuidv7(), driver],
        );
      }
      if (i === 0) {
        await db.query(
          `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
           VALUES ($1, $2, 'person', '410105', 'commendation', 'minor', '2026-03-01', '{}', '2026-03-02T10:00:00+08:00')`,
          [uuidv7(), driver],
        );
      }
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('moving the 4-star floor from 20 to 19.5 leaves the 19-point driver at 3 stars; from 20 to 19 lifts them to 4', async () => {
    // Active: 22 (commendation +2) → 4★, 19 → 3★, 18 → 3★. Draft: 4★ from 19 → the 19-point driver goes 3 → 4.
    const draft = structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS);
    draft.ladder.rungs[1] = { grade: '4', min: 19, max: 25 };
    draft.ladder.rungs[2] = { grade: '3', min: 11, max: 19 };
    const before = await db.query(`SELECT count(*)::int AS n FROM evaluation.scheme_versions`);
    const view = await simulate.execute(regulator, { id: draft.id, documentJson: JSON.stringify(draft) }, AT);
    expect(view).toMatchObject({
      schemeId: 'zhengzhou-taxi-driver-stars',
      activeVersion: 1,
      subjects: 3,
      unchanged: 2,
      changed: 1,
      better: 1,
      worse: 0,
      transitions: { '3→4': 1 },
    });
    expect(view.sample).toEqual([
      expect.objectContaining({
        subjectId: '410102198501010002',
        from: { grade: '3', score: 19 },
        direction: 'better',
        to: expect.objectContaining({ grade: '4', score: 19 }),
      }),
    ]);
    expect(view.sample[0]?.to?.explanation.ladder).toEqual({ grade: '4', band: '[19, 25)' });
    expect(await db.query(`SELECT count(*)::int AS n FROM evaluation.scheme_versions`)).toEqual(before);
  });

  it('refuses a broken draft exactly like an upload', async () => {
    const draft = structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS);
    draft.ladder.rungs[1] = { grade: '4', min: 21, max: 25 };
    await expect(simulate.execute(regulator, { id: draft.id, documentJson: JSON.stringify(draft) }, AT)).rejects.toMatchObject({
      code: 'SCHEME.INVALID',
      violations: [expect.objectContaining({ code: 'LADDER_GAP' })],
    });
  });
});
