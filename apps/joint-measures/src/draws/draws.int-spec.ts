import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { DrawInspectionsHandler } from './application/draw-inspections.handler';
import { ConfigurationInForce } from '../configuration/application/configuration-in-force';
import { configurationTables } from '../configuration/infrastructure/configuration.repository';
import { EntryRuleEngine } from '../entry-rules/application/entry-rule-engine';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';

const henan: Principal = { clientId: 'henan-inspection', kind: 'integrator', scopes: ['measures:decide'], region: '410000' };

describe('random inspection draws (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let draws: DrawInspectionsHandler;
  let configuration: ConfigurationInForce;

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-draws');
    ds = await db.dataSource(jointMeasuresDefinition);
    const ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    const engine = new EntryRuleEngine(new EntryRuleStore(ds), ledger);
    configuration = new ConfigurationInForce(ds);
    await configuration.onModuleInit();
    draws = new DrawInspectionsHandler(ds, configuration);
    // 20 Jiyuan driving schools graded through the grade interface (5 per grade), one older cycle
    // that must not count, and a school in another city that is not in the pool.
    const grades = ['AAA', 'AA', 'A', 'B'];
    await ds.transaction(async (m) => {
      for (let i = 0; i < 20; i += 1) {
        const school = { kind: 'org' as const, id: makeUscc('419001'), name: `济源驾校${i}`, region: '419001' };
        if (i === 0) await engine.onCycleGrade(m, school, { schemeId: 'jiyuan-driving-school', cycle: '2025', grade: 'B', pointsDeducted: 0 }, '2026-11-21');
        await engine.onCycleGrade(m, school, { schemeId: 'jiyuan-driving-school', cycle: '2026', grade: grades[i % 4], pointsDeducted: 0 }, '2026-11-21');
      }
      await engine.onCycleGrade(
        m,
        { kind: 'org', id: makeUscc('410100'), name: '郑州驾校', region: '410100' },
        { schemeId: 'jiyuan-driving-school', cycle: '2026', grade: 'B', pointsDeducted: 0 },
        '2026-11-21',
      );
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses to draw while the plan waits for its scheme (422 naming it), instead of drawing from an empty pool', async () => {
    await expect(draws.execute(henan, { region: '419001', sector: 'driving-school', seed: 1 })).rejects.toMatchObject({
      code: 'DRAW.PLAN_PENDING',
      kind: 'precondition',
      message: expect.stringContaining('jiyuan-driving-school'),
    });
  });

  it('draws by the Jiyuan ratios from the latest grades of the place, and the seed reproduces it', async () => {
    // Evaluation publishes Jiyuan's driving-school scheme (AAA/AA/A/B, DOMAIN.md §4 Jiyuan): the plan becomes active.
    await ds.transaction((m) =>
      configurationTables.putKnownScheme(
        m,
        { schemeId: 'jiyuan-driving-school', version: 1, ladderId: 'AAA-B', grades: ['AAA', 'AA', 'A', 'B'], sectors: ['driving-school'], regions: ['419001'] },
        { zh: '济源驾培机构信用等级', en: 'Jiyuan driving schools' },
        new Date().toISOString(),
      ),
    );
    await configuration.refresh();
    const first = await draws.execute(henan, { region: '419001', sector: 'driving-school', seed: 424242 });
    expect(first).toMatchObject({ planId: 'jiyuan.driving-school', seed: 424242, algorithm: expect.stringContaining('xoroshiro128plus') });
    expect(first.pool).toHaveLength(20);
    expect(first.byGrade).toEqual([
      { grade: 'AAA', pool: 5, drawn: 1 },
      { grade: 'AA', pool: 5, drawn: 1 },
      { grade: 'A', pool: 5, drawn: 2 },
      { grade: 'B', pool: 5, drawn: 3 },
    ]);
    const again = await draws.execute(henan, { region: '419001', sector: 'driving-school', seed: 424242 });
    expect(again.drawn).toEqual(first.drawn);
    expect(again.drawId).not.toBe(first.drawId);
    const fresh = await draws.execute(henan, { region: '419001', sector: 'driving-school' });
    expect(Number.isInteger(fresh.seed)).toBe(true);

    const stored = await db.query<{ seed: number; drawn: unknown; pool: unknown[] }>(
      `SELECT seed, drawn, pool FROM joint_measures.inspection_draws WHERE id = $1`,
      [first.drawId],
    );
    expect(stored).toEqual([{ seed: 424242, drawn: first.drawn, pool: expect.any(Array) }]);
  });

  it("refuses a pool without a plan (404), outside the caller's region (403) or of no sector (400)", async () => {
    await expect(draws.execute(henan, { region: '410100', sector: 'driving-school', seed: 1 })).rejects.toMatchObject({
      code: 'DRAW.NO_PLAN',
      kind: 'not-found',
    });
    await expect(draws.execute(henan, { region: '330100', sector: 'general-cargo', seed: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    // Sectors are the shared vocabulary (@domain/credit SECTORS): "road-transport" is not one.
    await expect(draws.execute(henan, { region: '419001', sector: 'road-transport', seed: 1 })).rejects.toMatchObject({
      code: 'DRAW.INVALID',
      kind: 'validation',
    });
  });
});
