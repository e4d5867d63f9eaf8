import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
import { contentHash } from '@platform/database';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { SHIPPED_DRAW_PLANS } from '../draws/domain/draw-plan';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { SHIPPED_ENTRY_RULES } from '../entry-rules/domain/shipped-entry-rules';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import type { MeasureMapping } from '../measures/domain/measure-catalogue';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../measures/domain/shipped-measures';
import { ConfigurationAdminHandler } from './application/configuration-admin.handler';
import { ConfigurationInForce } from './application/configuration-in-force';
import { configurationTables } from './infrastructure/configuration.repository';

/**
 * Shipped measure mappings changed in code reach a database that already holds them (ADR 0047).
 * Xuchang's charging discounts and priority dispatch once named grades '5★'/'4★', which no ladder
 * has (the stars ladder's grades are '5'…'0', @domain/credit grade-ladder.ts; issue 16): a database
 * created before the fix keeps them as version 1 of the mappings, dead, until the shipped fix is stored.
 */
describe('shipped measure mappings changed in code reach an existing database (PostgreSQL)', () => {
  const admin: Principal = { clientId: 'xuchang-admin', kind: 'admin', scopes: ['admin'], region: '411000' };
  /** The mappings as shipped before the fix: Xuchang's grades written '5★', '4★'. */
  const starred = (grade: string) => (grade === '5' || grade === '4' ? `${grade}★` : grade);
  const OLD_MAPPINGS: MeasureMapping[] = SHIPPED_MAPPINGS.map((m) =>
    m.id.startsWith('xuchang.') && 'grade' in m.when && m.when.grade
      ? { ...m, when: { ...m.when, grade: { ...m.when.grade, grades: m.when.grade.grades.map(starred) } } }
      : m,
  );
  const OLD_DOCUMENT = { measures: [...SHIPPED_MEASURES], mappings: OLD_MAPPINGS };
  const DISPATCH = 'xuchang.dispatch.high-stars';

  /** A database as the build before left it: both kinds stored from the shipped sets as version 1, the mappings with the stars. */
  async function databaseAsBefore(name: string): Promise<{ db: TestDatabase; ds: DataSource; view: ConfigurationAdminHandler }> {
    const db = await cloneTestDatabase(name);
    const ds = await db.dataSource(jointMeasuresDefinition);
    await db.query(
      `INSERT INTO joint_measures.configuration_versions (kind, version, document, uploaded_by) VALUES ('measure-mappings', 1, $1, 'platform:shipped')`,
      [JSON.stringify(OLD_DOCUMENT)],
    );
    await db.query(
      `INSERT INTO joint_measures.configuration_versions (kind, version, document, uploaded_by) VALUES ('draw-plans', 1, $1, 'platform:shipped')`,
      [JSON.stringify(SHIPPED_DRAW_PLANS)],
    );
    // Xuchang's taxi stars published (the stars ladder, @domain/credit GRADE_LADDERS.stars).
    await configurationTables.putKnownScheme(
      ds.manager,
      { schemeId: 'xuchang-taxi-stars', version: 1, ladderId: 'stars', grades: ['5', '4', '3', '2', '1', '0'], sectors: ['taxi'], regions: ['411000'] },
      { zh: '许昌市出租汽车驾驶员星级', en: 'Xuchang taxi stars' },
      new Date().toISOString(),
    );
    const inForce = new ConfigurationInForce(ds);
    return { db, ds, view: new ConfigurationAdminHandler(ds, inForce, new EntryRuleStore(ds)) };
  }

  const stored = (db: TestDatabase, kind: string) =>
    db.query<{ version: number; uploaded_by: string }>(
      `SELECT version, uploaded_by FROM joint_measures.configuration_versions WHERE kind = $1 ORDER BY version`,
      [kind],
    );

  describe('no operator version since the shipped one', () => {
    let db: TestDatabase;
    let ds: DataSource;
    let view: ConfigurationAdminHandler;

    beforeAll(async () => {
      ({ db, ds, view } = await databaseAsBefore('measures-shipped-updates'));
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('the old version 1 leaves Xuchang priority dispatch dead: its grades are on no ladder', async () => {
      const mappings = await view.get(admin, { kind: 'measure-mappings' });
      expect(mappings.items.find((i) => i.id === DISPATCH)).toMatchObject({
        status: 'invalid',
        problems: expect.arrayContaining([expect.objectContaining({ reference: '5★', code: 'UNKNOWN_GRADE' })]),
      });
    });

    it('two replicas starting at once store the shipped mappings once, as version 2 in force; the draw plans, unchanged, stay at version 1', async () => {
      const first = new ConfigurationInForce(ds);
      const second = new ConfigurationInForce(ds);
      await Promise.all([first.onModuleInit(), second.onModuleInit()]);
      expect(await stored(db, 'measure-mappings')).toEqual([
        { version: 1, uploaded_by: 'platform:shipped' },
        { version: 2, uploaded_by: 'platform:shipped' },
      ]);
      expect(await stored(db, 'draw-plans')).toEqual([{ version: 1, uploaded_by: 'platform:shipped' }]);
      // In force on both replicas: 5 and 4 stars get priority dispatch (DOMAIN.md §4 信易+).
      for (const replica of [first, second]) {
        expect(replica.measureCatalogue().mappings.find((m) => m.id === DISPATCH)?.when).toEqual({
          grade: { schemeId: 'xuchang-taxi-stars', grades: ['5', '4'] },
        });
      }
      const mappings = await view.get(admin, { kind: 'measure-mappings' });
      expect(mappings).toMatchObject({ version: 2, inForce: true, uploadedBy: 'platform:shipped', shippedUpdateAvailable: false });
      expect(mappings.items.find((i) => i.id === DISPATCH)).toMatchObject({ status: 'active' });
    });

    it('a second start stores nothing new', async () => {
      await new ConfigurationInForce(ds).onModuleInit();
      expect((await stored(db, 'measure-mappings')).map((r) => r.version)).toEqual([1, 2]);
      expect((await stored(db, 'draw-plans')).map((r) => r.version)).toEqual([1]);
    });
  });

  describe('an operator uploaded a version of their own since the shipped one', () => {
    let db: TestDatabase;
    let ds: DataSource;
    let view: ConfigurationAdminHandler;

    beforeAll(async () => {
      ({ db, ds, view } = await databaseAsBefore('measures-shipped-updates-held'));
      // Xuchang's administrator uploaded version 2 (without the stars mappings, which its checks refuse).
      const own = { measures: [...SHIPPED_MEASURES], mappings: SHIPPED_MAPPINGS.filter((m) => !m.id.startsWith('xuchang.')) };
      await configurationTables.append(ds.manager, 'measure-mappings', own, 'xuchang-admin');
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('does not override it: no new version, a warning naming the kind and both versions, and the admin API reports the update', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        await new ConfigurationInForce(ds).onModuleInit();
        await new ConfigurationInForce(ds).onModuleInit();
        expect(await stored(db, 'measure-mappings')).toEqual([
          { version: 1, uploaded_by: 'platform:shipped' },
          { version: 2, uploaded_by: 'xuchang-admin' },
        ]);
        const messages = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('measure-mappings'));
        expect(messages.length).toBeGreaterThan(0);
        expect(messages[0]).toMatch(/version 1\b/);
        expect(messages[0]).toMatch(/version 2\b/);
      } finally {
        warn.mockRestore();
      }
      expect(await view.get(admin, { kind: 'measure-mappings' })).toMatchObject({ version: 2, uploadedBy: 'xuchang-admin', shippedUpdateAvailable: true });
      expect(await view.get(admin, { kind: 'draw-plans' })).toMatchObject({ version: 1, shippedUpdateAvailable: false });
    });
  });

  describe('entry rules: version 0 is the shipped set, read from the build', () => {
    let db: TestDatabase;
    let ds: DataSource;
    let view: ConfigurationAdminHandler;
    /** The rules as shipped before the fix: Nanyang's bad-driver rules named scheme `nanyang-driver` (issue 16). */
    const OLD_RULES = SHIPPED_ENTRY_RULES.map((r) =>
      'schemeIds' in r && r.schemeIds ? { ...r, schemeIds: r.schemeIds.map((id) => (id === 'nanyang-driver-grades' ? 'nanyang-driver' : id)) } : r,
    );

    beforeAll(async () => {
      ({ db, ds, view } = await databaseAsBefore('measures-shipped-updates-rules'));
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('with no set uploaded, the fixed Nanyang rules are in force without storing anything', async () => {
      await new ConfigurationInForce(ds).onModuleInit();
      const rules = await new EntryRuleStore(ds).current();
      expect(rules.version).toBe(0);
      // The scheme is nanyang-driver-grades (evaluation's shipped Nanyang driver grades, seed 000).
      expect(rules.checked.filter((r) => r.item.listType === 'bad-driver').map((r) => r.waitingFor)).toEqual([
        ['nanyang-driver-grades'],
        ['nanyang-driver-grades'],
      ]);
      expect(await view.get(admin, { kind: 'entry-rules' })).toMatchObject({ version: 0, shippedUpdateAvailable: false });
    });

    it('a set an operator uploaded under the build before stays in force; the changed shipped rules are reported, not applied', async () => {
      // Uploaded while the build shipped the old rules (the shipped set's hash is recorded with each upload).
      await db.query(`INSERT INTO joint_measures.entry_rule_sets (rules, uploaded_by, shipped_hash) VALUES ($1, 'nanyang-admin', $2)`, [
        JSON.stringify(OLD_RULES),
        contentHash(OLD_RULES),
      ]);
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        await new ConfigurationInForce(ds).onModuleInit();
        expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('entry-rules') && /version 1\b/.test(m))).toHaveLength(1);
      } finally {
        warn.mockRestore();
      }
      expect((await new EntryRuleStore(ds).current()).version).toBe(1);
      expect(await view.get(admin, { kind: 'entry-rules' })).toMatchObject({ version: 1, uploadedBy: 'nanyang-admin', shippedUpdateAvailable: true });
    });

    it('an upload under this build records its shipped rules: nothing to report', async () => {
      await new EntryRuleStore(ds).upload(OLD_RULES.slice(0, 1), 'nanyang-admin');
      expect(await view.get(admin, { kind: 'entry-rules' })).toMatchObject({ version: 2, shippedUpdateAvailable: false });
    });
  });
});
