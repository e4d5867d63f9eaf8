import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CreditRecordCreatedV1, EvaluationSchemePublishedV1, EventEnvelope, Events } from '@contracts';
import type { Principal } from '@platform/auth';
import { OutboxPublisher, type ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import type { SchemeDocument } from '../engine/domain/scheme-document';
import { HENAN_PASSENGER_HAZARDOUS_CODES, SHIPPED_SCHEMES } from '../engine/domain/shipped-schemes';
import { evaluationDefinition } from '../evaluation.definition';
import { ApplyRecordEventHandler } from '../standing/application/apply-record-event.handler';
import { RefreshStandingsJob } from '../standing/application/refresh-standings.job';
import { StandingCalculator } from '../standing/application/standing-calculator';
import { SubjectRegistrationsRepository } from '../standing/infrastructure/subject-registrations.repository';
import { ListSchemesHandler } from './application/list-schemes.handler';
import { PutSchemeHandler } from './application/put-scheme.handler';
import { AnnounceSchemesAtStart, SchemeAnnouncements } from './application/scheme-announcements';
import { SchemeRegistry } from './application/scheme-registry';

/**
 * A shipped scheme changed in code reaches a database that already holds it (ADR 0047): the
 * Henan 两客一危 scheme gained `sectors` (seed 002 案例1: 道路旅客运输 and 危险货物道路运输, ADR 0044),
 * but a database created before kept version 1 without them and went on grading ordinary freight
 * carriers (issue 16). These tests start from such a database.
 */
describe('shipped schemes changed in code reach an existing database (PostgreSQL)', () => {
  const HENAN = HENAN_PASSENGER_HAZARDOUS_CODES.id;
  /** The Henan document as shipped before ADR 0044: no sectors. */
  const { sectors: _sectors, ...oldHenan } = HENAN_PASSENGER_HAZARDOUS_CODES;
  const OLD_HENAN: SchemeDocument = oldHenan;
  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin', 'evaluations:read'], region: '410000' };

  interface Setup {
    db: TestDatabase;
    dataSource: DataSource;
    announcements: SchemeAnnouncements;
    calculator: StandingCalculator;
  }

  async function setUp(name: string): Promise<Setup> {
    const db = await cloneTestDatabase(name);
    const dataSource = await db.dataSource(evaluationDefinition);
    const announcements = new SchemeAnnouncements(new OutboxPublisher(evaluationDefinition as ServiceDefinition));
    const calculator = new StandingCalculator(new SchemeRegistry(dataSource), new OutboxPublisher(evaluationDefinition as ServiceDefinition));
    return { db, dataSource, announcements, calculator };
  }

  /** A database as the build before stored it: every shipped scheme as announced version 1, Henan's without sectors. */
  async function storeAsBefore({ db }: Setup): Promise<void> {
    for (const document of SHIPPED_SCHEMES) {
      const stored = document.id === HENAN ? OLD_HENAN : document;
      await db.query(`INSERT INTO evaluation.schemes (id, latest_version, active_version) VALUES ($1, 1, 1)`, [document.id]);
      await db.query(
        `INSERT INTO evaluation.scheme_versions (scheme_id, version, status, document, uploaded_by, uploaded_at, published_at, announced_at)
         VALUES ($1, 1, 'active', $2, 'platform:shipped', now(), now(), now())`,
        [document.id, JSON.stringify(stored)],
      );
    }
  }

  /** One service start: shipped schemes stored (SchemeRegistry), versions in force announced (AnnounceSchemesAtStart). */
  async function start({ dataSource, announcements }: Setup): Promise<void> {
    await new SchemeRegistry(dataSource).onModuleInit();
    await new AnnounceSchemesAtStart(dataSource, announcements).onApplicationBootstrap();
  }

  const versions = (db: TestDatabase, id: string) =>
    db.query<{ version: number; status: string; uploaded_by: string; document: SchemeDocument }>(
      `SELECT version, status, uploaded_by, document FROM evaluation.scheme_versions WHERE scheme_id = $1 ORDER BY version`,
      [id],
    );
  const announced = async (db: TestDatabase): Promise<EvaluationSchemePublishedV1[]> =>
    (
      await db.query<{ envelope: EventEnvelope<EvaluationSchemePublishedV1> }>(`SELECT envelope FROM evaluation.outbox WHERE subject = $1 ORDER BY seq`, [
        Events.EvaluationSchemePublished.subject,
      ])
    ).map((r) => r.envelope.data);

  function penalty(subjectId: string): EventEnvelope<CreditRecordCreatedV1> {
    return {
      id: uuidv7(),
      type: Events.CreditRecordCreated.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId,
      region: '410102',
      data: {
        recordId: uuidv7(),
        recordType: 'administrative-penalty',
        subject: { kind: 'org', id: subjectId, name: '某运输有限公司' },
        region: '410102',
        severity: 'general',
        decisionDate: chinaToday(),
        documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
        isPublic: true,
        summary: '未按规定携带道路运输证',
        sourceClientId: 'zhengzhou',
        receivedAt: new Date().toISOString(),
        payload: {},
      },
    };
  }

  describe('no operator version since the shipped one', () => {
    let setup: Setup;
    const freight = makeUscc('410102');
    const coach = makeUscc('410102');

    beforeAll(async () => {
      setup = await setUp('shipped-updates');
      await storeAsBefore(setup);
      // The registry knows one general-cargo carrier and one road-passenger carrier (seed 002 案例1: 两客 are road passenger).
      await SubjectRegistrationsRepository.upsertMany(
        setup.dataSource.manager,
        [
          [freight, ['general-cargo']],
          [coach, ['road-passenger']],
        ].map(([subjectId, sectors]) => ({
          subjectId: subjectId as string,
          kind: 'org' as const,
          region: '410102',
          sectors: sectors as string[],
          registeredOn: '2020-01-01',
          credit: { registered: true, committed: true, selfAssessed: false },
          active: true,
          revision: 1,
          changedAt: new Date().toISOString(),
        })),
      );
      const records = new ApplyRecordEventHandler(setup.calculator);
      for (const subject of [freight, coach]) await setup.dataSource.transaction((m) => records.created(penalty(subject), m));
    });

    afterAll(async () => {
      await setup?.db.drop();
    });

    it('the old version 1 (no sectors) grades the freight carrier: the fault the upgrade must fix', async () => {
      const standings = await setup.db.query<{ subject_id: string; scheme_version: number }>(
        `SELECT subject_id, scheme_version FROM evaluation.subject_standings WHERE scheme_id = $1 ORDER BY subject_id`,
        [HENAN],
      );
      expect(standings.map((s) => s.subject_id).sort()).toEqual([coach, freight].sort());
    });

    it('two replicas starting at once store the shipped Henan document once, as version 2 in force, announced, and regrade under it', async () => {
      const before = (await announced(setup.db)).length;
      await Promise.all([start(setup), start(setup)]);

      const henan = await versions(setup.db, HENAN);
      expect(henan.map((v) => [v.version, v.status, v.uploaded_by])).toEqual([
        [1, 'retired', 'platform:shipped'],
        [2, 'active', 'platform:shipped'],
      ]);
      // seed 002 案例1: 两客一危 = road passenger and hazardous goods.
      expect(henan[1]!.document.sectors).toEqual(['road-passenger', 'hazardous-goods']);
      expect(await setup.db.query(`SELECT latest_version, active_version FROM evaluation.schemes WHERE id = $1`, [HENAN])).toEqual([
        { latest_version: 2, active_version: 2 },
      ]);
      // The other shipped schemes did not change: nothing new stored for them.
      const others = await setup.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation.scheme_versions WHERE scheme_id <> $1`, [HENAN]);
      expect(others[0]!.n).toBe(SHIPPED_SCHEMES.length - 1);

      // Announced once (evaluation.schemes.published), with its sectors: joint measures learns them.
      const events = (await announced(setup.db)).slice(before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ schemeId: HENAN, version: 2, sectors: ['road-passenger', 'hazardous-goods'] });

      // Regraded as for an uploaded version: a refresh of version 2, worked by the refresh job.
      expect(await setup.db.query(`SELECT scheme_version, status FROM evaluation.standing_refreshes WHERE scheme_id = $1`, [HENAN])).toEqual([
        { scheme_version: 2, status: 'running' },
      ]);
      const refresher = new RefreshStandingsJob(setup.dataSource, new SchemeRegistry(setup.dataSource), setup.calculator, {
        CYCLE_CHUNK_SIZE: 10,
        CYCLE_LEASE_SECONDS: 30,
        CYCLE_POLL_MS: 100,
      });
      await refresher.work();
      const standings = await setup.db.query<{ subject_id: string; scheme_version: number }>(
        `SELECT subject_id, scheme_version FROM evaluation.subject_standings WHERE scheme_id = $1`,
        [HENAN],
      );
      // The freight carrier is no longer graded by 两客一危; the coach carrier is, under version 2.
      expect(standings).toEqual([{ subject_id: coach, scheme_version: 2 }]);
    });

    it('a second start stores, announces and regrades nothing new', async () => {
      const events = (await announced(setup.db)).length;
      await start(setup);
      expect((await versions(setup.db, HENAN)).map((v) => v.version)).toEqual([1, 2]);
      expect(await announced(setup.db)).toHaveLength(events);
      expect(await setup.db.query(`SELECT 1 FROM evaluation.standing_refreshes`)).toHaveLength(1);
    });

    it('the listing reports no shipped update held back', async () => {
      const list = await new ListSchemesHandler(setup.dataSource).execute(regulator);
      expect(list.find((s) => s.id === HENAN)).toMatchObject({ activeVersion: 2, latestVersion: 2, shippedUpdateAvailable: false });
    });
  });

  describe('an operator uploaded a version of their own since the shipped one', () => {
    let setup: Setup;

    beforeAll(async () => {
      setup = await setUp('shipped-updates-held');
      await storeAsBefore(setup);
      // Henan's regulator published version 2, still without sectors, with a note of its own.
      const own = { ...OLD_HENAN, notes: [...(OLD_HENAN.notes ?? []), '本省调整：黄码下限800分'] };
      await new PutSchemeHandler(setup.dataSource, setup.announcements).execute(regulator, {
        id: HENAN,
        documentJson: JSON.stringify(own),
        publish: true,
        basedOnVersion: 1,
      });
    });

    afterAll(async () => {
      await setup?.db.drop();
    });

    it('does not override it: no new version, a warning naming the scheme and both versions, and the listing reports the update', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        await start(setup);
        await start(setup);
        expect((await versions(setup.db, HENAN)).map((v) => [v.version, v.status, v.uploaded_by])).toEqual([
          [1, 'retired', 'platform:shipped'],
          [2, 'active', 'henan-regulator'],
        ]);
        const messages = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes(HENAN));
        expect(messages.length).toBeGreaterThan(0);
        expect(messages[0]).toMatch(/version 1/);
        expect(messages[0]).toMatch(/version 2/);
      } finally {
        warn.mockRestore();
      }
      const list = await new ListSchemesHandler(setup.dataSource).execute(regulator);
      expect(list.find((s) => s.id === HENAN)).toMatchObject({ activeVersion: 2, shippedUpdateAvailable: true });
      expect(list.filter((s) => s.id !== HENAN).every((s) => !s.shippedUpdateAvailable)).toBe(true);
    });

    it('once the operator publishes the shipped content themselves, nothing is reported any more', async () => {
      await new PutSchemeHandler(setup.dataSource, setup.announcements).execute(regulator, {
        id: HENAN,
        documentJson: JSON.stringify(HENAN_PASSENGER_HAZARDOUS_CODES),
        publish: true,
        basedOnVersion: 2,
      });
      await start(setup);
      expect((await versions(setup.db, HENAN)).map((v) => v.version)).toEqual([1, 2, 3]);
      const list = await new ListSchemesHandler(setup.dataSource).execute(regulator);
      expect(list.find((s) => s.id === HENAN)).toMatchObject({ activeVersion: 3, shippedUpdateAvailable: false });
    });
  });
});
