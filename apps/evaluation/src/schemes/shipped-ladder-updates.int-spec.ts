import { EvaluationSchemePublishedV1, EventEnvelope, Events } from '@contracts';
import { OutboxPublisher, type ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import type { SchemeDocument } from '../engine/domain/scheme-document';
import { BEIJING_COMMUTER_BUS_GRADES, SHIPPED_SCHEMES } from '../engine/domain/shipped-schemes';
import { evaluationDefinition } from '../evaluation.definition';
import { AnnounceSchemesAtStart, SchemeAnnouncements } from './application/scheme-announcements';
import { SchemeRegistry } from './application/scheme-registry';

/**
 * Beijing's commuter-bus scheme moved from the shared AA-D ladder (an approximation) to its own
 * four tiers of nine levels (seed 004 案例1 四等九级, ADR 0050). A database that holds the old
 * document as shipped version 1 gets the new one as version 2 at the next start (ADR 0047), and
 * the announcement carries the nine grades and their tiers for joint measures to check against.
 */
describe('Beijing’s own ladder reaches an existing database (PostgreSQL)', () => {
  const BEIJING = BEIJING_COMMUTER_BUS_GRADES.id;
  /** The document as shipped before: AA-D, 优/良/中/差 read as AA/A/B/C, initial B = 700, A = 800. */
  const OLD_BEIJING: SchemeDocument = {
    ...BEIJING_COMMUTER_BUS_GRADES,
    scoring: { ...(BEIJING_COMMUTER_BUS_GRADES.scoring as Extract<SchemeDocument['scoring'], { kind: 'points' }>), base: 700 },
    ladder: {
      id: 'AA-D',
      rungs: [
        { grade: 'AA', min: 900 },
        { grade: 'A', min: 800, max: 900 },
        { grade: 'B', min: 700, max: 800 },
        { grade: 'C', max: 700 },
      ],
    },
  };
  let db: TestDatabase;

  beforeAll(async () => {
    db = await cloneTestDatabase('beijing-ladder-update');
    for (const document of SHIPPED_SCHEMES) {
      await db.query(`INSERT INTO evaluation.schemes (id, latest_version, active_version) VALUES ($1, 1, 1)`, [document.id]);
      await db.query(
        `INSERT INTO evaluation.scheme_versions (scheme_id, version, status, document, uploaded_by, uploaded_at, published_at, announced_at)
         VALUES ($1, 1, 'active', $2, 'platform:shipped', now(), now(), now())`,
        [document.id, JSON.stringify(document.id === BEIJING ? OLD_BEIJING : document)],
      );
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('stores the nine-level document as version 2 in force and announces its grades and tiers', async () => {
    const dataSource = await db.dataSource(evaluationDefinition);
    await new SchemeRegistry(dataSource).onModuleInit();
    await new AnnounceSchemesAtStart(
      dataSource,
      new SchemeAnnouncements(new OutboxPublisher(evaluationDefinition as ServiceDefinition)),
    ).onApplicationBootstrap();

    const versions = await db.query<{ version: number; status: string; ladder: string }>(
      `SELECT version, status, document->'ladder'->>'id' AS ladder FROM evaluation.scheme_versions WHERE scheme_id = $1 ORDER BY version`,
      [BEIJING],
    );
    expect(versions).toEqual([
      { version: 1, status: expect.not.stringMatching(/^active$/), ladder: 'AA-D' },
      { version: 2, status: 'active', ladder: 'beijing-four-tiers-nine-levels' },
    ]);
    const announced = (
      await db.query<{ envelope: EventEnvelope<EvaluationSchemePublishedV1> }>(`SELECT envelope FROM evaluation.outbox WHERE subject = $1 ORDER BY seq`, [
        Events.EvaluationSchemePublished.subject,
      ])
    ).map((r) => r.envelope.data);
    // Only Beijing changed: the one announcement is its version 2.
    expect(announced.map((a) => [a.schemeId, a.version])).toEqual([[BEIJING, 2]]);
    expect(announced[0]!.ladder).toEqual({
      id: 'beijing-four-tiers-nine-levels',
      grades: ['AAA', 'AA', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'],
      tiers: [
        { name: '优', grades: ['AAA', 'AA'] },
        { name: '良', grades: ['A+', 'A', 'A-'] },
        { name: '中', grades: ['B+', 'B', 'B-'] },
        { name: '差', grades: ['C'] },
      ],
    });
    await dataSource.destroy();
  });
});
