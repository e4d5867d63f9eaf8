import { DataSource } from 'typeorm';
import { EvaluationSchemePublishedV1, EventEnvelope, Events } from '@contracts';
import { Principal } from '@platform/auth';
import { OutboxPublisher, type ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { NANYANG_DRIVER_GRADES, SHIPPED_SCHEMES } from '../engine/domain/shipped-schemes';
import { evaluationDefinition } from '../evaluation.definition';
import { PutSchemeHandler } from './application/put-scheme.handler';
import { AnnounceSchemesAtStart, SchemeAnnouncements } from './application/scheme-announcements';
import { SchemeRegistry } from './application/scheme-registry';

/** The scheme catalogue other services check their configuration against (issue 16 item 2, ADR 0043). */
describe('scheme announcements (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let announcements: SchemeAnnouncements;
  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin'], region: '410000' };

  const announced = async (): Promise<EvaluationSchemePublishedV1[]> =>
    (
      (await db.query(`SELECT envelope FROM evaluation.outbox WHERE subject = $1 ORDER BY seq`, [Events.EvaluationSchemePublished.subject])) as {
        envelope: EventEnvelope<EvaluationSchemePublishedV1>;
      }[]
    ).map((r) => r.envelope.data);

  beforeAll(async () => {
    db = await cloneTestDatabase('scheme-announcements');
    dataSource = await db.dataSource(evaluationDefinition);
    announcements = new SchemeAnnouncements(new OutboxPublisher(evaluationDefinition as ServiceDefinition));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('announces every shipped scheme once at start, with its ladder grades, sectors and regions; a restart announces nothing again', async () => {
    await new SchemeRegistry(dataSource).onModuleInit();
    await new AnnounceSchemesAtStart(dataSource, announcements).onApplicationBootstrap();
    const events = await announced();
    expect(events.map((e) => e.schemeId).sort()).toEqual(SHIPPED_SCHEMES.map((s) => s.id).sort());
    // Nanyang's driver grades: ladder 3A/2A/A/B (DOMAIN.md §3 "Driver grades 3A/2A/A/B (Nanyang)").
    expect(events.find((e) => e.schemeId === NANYANG_DRIVER_GRADES.id)).toMatchObject({
      version: 1,
      ladder: { id: 'AAA-B', grades: ['AAA', 'AA', 'A', 'B'] },
      regions: ['411300'],
      sectors: NANYANG_DRIVER_GRADES.sectors ?? [],
    });
    await new SchemeRegistry(dataSource).onModuleInit();
    await new AnnounceSchemesAtStart(dataSource, announcements).onApplicationBootstrap();
    expect(await announced()).toHaveLength(SHIPPED_SCHEMES.length);
  });

  it('announces a published version in its transaction, and not a draft', async () => {
    const put = new PutSchemeHandler(dataSource, announcements);
    const draft = { ...NANYANG_DRIVER_GRADES, notes: ['a draft'] };
    await put.execute(regulator, { id: draft.id, documentJson: JSON.stringify(draft), publish: false, basedOnVersion: 0 });
    expect(await announced()).toHaveLength(SHIPPED_SCHEMES.length);
    const result = await put.execute(regulator, { id: draft.id, documentJson: JSON.stringify(draft), publish: true, basedOnVersion: 0 });
    expect(result).toMatchObject({ version: 3, status: 'active' });
    const events = await announced();
    expect(events).toHaveLength(SHIPPED_SCHEMES.length + 1);
    expect(events.at(-1)).toMatchObject({ schemeId: draft.id, version: 3, ladder: { id: 'AAA-B' } });
    // Start after it: the published version was announced already.
    await new AnnounceSchemesAtStart(dataSource, announcements).onApplicationBootstrap();
    expect(await announced()).toHaveLength(SHIPPED_SCHEMES.length + 1);
  });
});
