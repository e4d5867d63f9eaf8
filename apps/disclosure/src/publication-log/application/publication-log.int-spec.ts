import { DataSource } from 'typeorm';
import { cloneTestDatabase, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { publicationContent } from '../domain/hash-chain';
import { ListPublicationEntriesHandler } from './list-publication-entries.handler';
import { PublicationLog } from './publication-log';
import { VerifyPublicationLogHandler } from './verify-publication-log.handler';

describe('publication log (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let log: PublicationLog;

  beforeAll(async () => {
    db = await cloneTestDatabase('publication-log');
    dataSource = await db.dataSource(disclosureDefinition);
    log = new PublicationLog(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const item = (n: number) => ({
    publicationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    uscc: '91350100M000100Y43',
    recordType: 'administrative-penalty',
    documentNumber: `郑交罚〔2026〕${n}号`,
    decisionDate: '2026-11-02',
    severity: 'general',
    publishedUntil: new Date('2027-11-02T15:59:59.999Z'),
  });

  it('keeps one unbroken chain under concurrent appends, and detects edits and deletions', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction((manager) => log.append(manager, [publicationContent('published', item(i + 1), new Date(), i % 2 ? 'r' : undefined)])),
      ),
    );
    await dataSource.transaction((manager) =>
      log.append(manager, [publicationContent('withdrawn', item(3), new Date(), 'revoked'), publicationContent('expired', item(4), new Date())]),
    );
    const intact = await new VerifyPublicationLogHandler(dataSource).execute({});
    expect(intact).toMatchObject({ intact: true, length: 22 });
    expect((await new ListPublicationEntriesHandler(dataSource).execute({ publicationId: item(3).publicationId })).map((e) => e.content.event)).toEqual([
      'published',
      'withdrawn',
    ]);

    await db.query(`UPDATE disclosure.publication_log SET content = jsonb_set(content, '{publishedUntil}', '"2099-01-01T00:00:00.000Z"') WHERE seq = 7`);
    expect(await new VerifyPublicationLogHandler(dataSource).execute({})).toMatchObject({
      intact: false,
      brokenAt: 7,
      problem: 'the published facts do not match their hash',
    });
    await db.query(`UPDATE disclosure.publication_log SET content = jsonb_set(content, '{publishedUntil}', '"2027-11-02T15:59:59.999Z"') WHERE seq = 7`);
    expect(await new VerifyPublicationLogHandler(dataSource).execute({})).toMatchObject({ intact: true, length: 22, head: intact.head });

    await db.query(`DELETE FROM disclosure.publication_log WHERE seq = 12`);
    expect(await new VerifyPublicationLogHandler(dataSource).execute({})).toMatchObject({ intact: false, brokenAt: 13 });
  });
});
