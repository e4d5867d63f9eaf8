import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { SubjectListMemberships } from '../../lists/application/subject-list-memberships';
import { PublicationLog } from '../../publication-log/application/publication-log';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { GetSubjectProfileHandler } from './get-subject-profile.handler';
import { ProjectCreditRecordHandler } from './project-credit-record.handler';

/*
 * Issue 20: a partner's record is shown as the partner's, never as this province's own decision; and
 * the subject header names where the enterprise is registered — its USCC's positions 3–8 (GB
 * 32100-2015), here 420100 湖北省武汉市 — not the region of the authority that fined it (410100).
 */
describe('the profile of an enterprise with a record a partner province shared (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let records: ProjectCreditRecordHandler;
  let profiles: GetSubjectProfileHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('shared_record_profile');
    dataSource = await db.dataSource(disclosureDefinition);
    const changes = { touch: async () => undefined } as unknown as ProfileChangesPort;
    records = new ProjectCreditRecordHandler(new PublicationLog(dataSource, changes));
    profiles = new GetSubjectProfileHandler(dataSource, new SubjectListMemberships(dataSource));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const received = (uscc: string, documentNumber: string, partner?: CreditRecordCreatedV1['partner']): EventEnvelope<CreditRecordCreatedV1> => ({
    id: randomUUID(),
    type: Events.CreditRecordCreated.subject,
    version: Events.CreditRecordCreated.version,
    occurredAt: new Date().toISOString(),
    subjectId: uscc,
    region: '410100',
    data: {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: uscc, name: '武汉共享记录测试运输有限公司' },
      region: '410100',
      severity: 'general',
      decisionDate: chinaToday(),
      documentNumber,
      isPublic: true,
      summary: '超限运输',
      sourceClientId: partner ? 'partner-feed:410000' : 'wuhan',
      receivedAt: new Date().toISOString(),
      ...(partner && { partner }),
    },
  });

  it('names the partner province beside its record, and the enterprise’s own registration region in the header', async () => {
    const uscc = makeUscc('420100');
    await dataSource.transaction((m) =>
      records.handle(received(uscc, '郑交执罚〔2026〕2001号', { region: '410000', sourceReference: 'henan-record-1', agreement: 'henan-demo' }), m),
    );
    const profile = await profiles.execute({ uscc });
    expect(profile).toMatchObject({ region: '420100', regionName: '湖北省武汉市' });
    expect(profile.penalties).toEqual([expect.objectContaining({ documentNumber: '郑交执罚〔2026〕2001号', partner: { region: '410000', name: '河南省' } })]);
  });

  it('says nothing of a partner beside a record of our own', async () => {
    const uscc = makeUscc('420100');
    await dataSource.transaction((m) => records.handle(received(uscc, '武交执罚〔2026〕2002号'), m));
    const [own] = (await profiles.execute({ uscc })).penalties;
    expect(own).not.toHaveProperty('partner');
  });
});
